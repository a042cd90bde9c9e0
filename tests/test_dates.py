"""Day-first UK dates and plain words, in Europe/London; impossible dates are errors."""

from datetime import date, datetime, timedelta

import pytest

from refusal_log import dates
from refusal_log.errors import InvalidInput

TODAY = dates.today()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-04", "2026-03-04T00:00:00+00:00"),
        ("2026-03-04 09:10", "2026-03-04T09:10:00+00:00"),
        ("2026-09-08T09:10", "2026-09-08T09:10:00+01:00"),
        ("4/3/2026", "2026-03-04T00:00:00+00:00"),
        ("04/03/2026 9:10", "2026-03-04T09:10:00+00:00"),
        ("08/09/2026 09:10", "2026-09-08T09:10:00+01:00"),
        ("8.9.2026 14:05", "2026-09-08T14:05:00+01:00"),
        ("08/09/26 2pm", "2026-09-08T14:00:00+01:00"),
        ("8 Sep 2026", "2026-09-08T00:00:00+01:00"),
        ("Tuesday 8th September 2026 10am", "2026-09-08T10:00:00+01:00"),
        ("8 September 2026 at 3.30pm", "2026-09-08T15:30:00+01:00"),
        ("2026-09-08T09:10:00+01:00", "2026-09-08T09:10:00+01:00"),
        ("  08/09/2026   09:10  ", "2026-09-08T09:10:00+01:00"),
        # The clocks go back at 02:00 on 25 Oct 2026: 01:30 happens twice; the first is BST.
        ("25/10/2026 01:30", "2026-10-25T01:30:00+01:00"),
        ("25/10/2026 noon", "2026-10-25T12:00:00+00:00"),
    ],
)
def test_forms_people_type(typed, expected):
    assert dates.parse_datetime(typed).isoformat() == expected


@pytest.mark.parametrize(
    ("typed", "days_back", "clock"),
    [
        ("today", 0, "00:00"),
        ("yesterday", 1, "00:00"),
        ("yesterday 3pm", 1, "15:00"),
        ("Yesterday 3 PM", 1, "15:00"),
        ("9:10", 0, "09:10"),
        ("3 days ago", 3, "00:00"),
        ("a week ago", 7, "00:00"),
    ],
)
def test_plain_words(typed, days_back, clock):
    moment = dates.parse_datetime(typed)
    assert moment.date() == TODAY - timedelta(days=days_back)
    assert moment.strftime("%H:%M") == clock
    assert moment.tzinfo is not None


def test_weekdays_look_back_never_forward():
    for name in dates.WEEKDAYS:
        last = dates.parse_date(f"last {name}")
        assert 1 <= (TODAY - last).days <= 7
        assert last.strftime("%A").lower() == name
        bare = dates.parse_date(name)
        # A bare weekday is today when today is that day, else the last one.
        assert bare == (TODAY if TODAY.strftime("%A").lower() == name else last)


@pytest.mark.parametrize("typed", ["08/09/0206", "2062-09-08", "9999-12-31T23:59-05:00", "1 Jan 1900"])
def test_years_that_cannot_belong_to_the_record_are_refused(typed):
    with pytest.raises(InvalidInput, match="looks like a slip"):
        dates.parse_datetime(typed)


def test_when_defaults_to_now():
    moment = dates.parse_when(None)
    assert abs(moment - datetime.now(moment.tzinfo)) < timedelta(seconds=5)
    assert dates.parse_when_given(None)[1] is False


@pytest.mark.parametrize("typed", ["today", "14/09/2026", "monday", "8/9", "Sept 8"])
def test_a_day_without_a_time_keeps_no_time(typed):
    moment, timeless = dates.parse_when_given(typed)
    assert timeless is True and (moment.hour, moment.minute) == (0, 0)


@pytest.mark.parametrize(("typed", "day", "clock"), [
    ("8/9", (9, 8), None),
    ("Sept 8", (9, 8), None),
    ("September 8th", (9, 8), None),
    ("09:10 08/09/2026", (9, 8), (9, 10)),
    ("3pm yesterday", None, (15, 0)),
])
def test_dates_as_parents_type_them(typed, day, clock):
    moment, timeless = dates.parse_when_given(typed)
    if day:
        assert (moment.month, moment.day) == day and moment.year == dates.today().year or "2026" in typed
    assert timeless is (clock is None)
    if clock:
        assert (moment.hour, moment.minute) == clock


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31/02/2026", "no 31 February 2026"),
        ("31/04/2026", "no 31 April 2026"),
        ("29/02/2027", "no 29 February 2027"),
        ("2026-13-01", "no month 13"),
        ("29/03/2026 01:30", "did not exist"),
        ("next blursday", "'next blursday'"),
        ("25:00", "impossible time"),
        ("08/09/2026 13pm", "impossible time"),
        ("9", "'9'"),
        ("", "none was given"),
    ],
)
def test_impossible_or_unreadable_dates_are_errors(typed, says):
    with pytest.raises(InvalidInput, match=says):
        dates.parse_datetime(typed)


def test_leap_day_exists_in_a_leap_year():
    assert dates.parse_date("29/02/2028") == date(2028, 2, 29)


def test_a_day_field_refuses_a_time():
    with pytest.raises(InvalidInput, match="only a day"):
        dates.parse_date("08/09/2026 09:10")


def test_shown_day_first():
    moment = dates.parse_datetime("08/09/2026 09:10")
    assert dates.human_datetime(moment) == "Tue 8 Sep 2026 09:10"
    assert dates.long_date(moment) == "8 September 2026"


def test_unknown_zone_is_a_plain_error(monkeypatch):
    monkeypatch.setenv("REFUSAL_LOG_TZ", "Mars/Olympus")
    with pytest.raises(InvalidInput, match="not known"):
        dates.parse_datetime("today")
