from refusal_log.entry import main

main()
