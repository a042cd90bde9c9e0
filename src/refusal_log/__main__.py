from refusal_log.cli import main

main()
