"""Pictures of where the child stands: the calendar map as rows of days, as text and SVG.

The terminal (cli_attendance.py), the txt/md timeline and the HTML timeline all draw
the same map from calendar_map(): weeks down, Monday to Friday across, each day an
am and a pm half coloured by what the school coded (or, with no code, what the
family logged), and a mark on every session where the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from refusal_log import dates
from refusal_log.attendance import Standing

# state -> (legend words, terminal style, SVG fill, SVG pattern for greyscale print)
STATES = {
    "present": ("present (or an approved activity)", "black on green", "#c8e6c9", ""),
    "authorised": ("authorised absence", "black on yellow", "#fdd835", "dots"),
    "unauthorised": ("unauthorised absence", "white on red", "#c62828", "solid"),
    "not-counted": ("not counted", "black on grey70", "#8d8d8d", ""),
    "logged": ("absent in your log, no school code", "white on magenta", "#8e24aa", "hatch"),
    "none": ("no code recorded", "dim", "#ffffff", ""),
    "closed": ("no school", "dim", "#eeeeee", ""),
    # A day of the map's first or last week outside the period (after today, or before --from): not "no school".
    "outside": ("outside the period shown", "dim", "#fafafa", ""),
}
_SHOWN = {"approved": "present"}


@dataclass
class Half:
    state: str
    code: str | None
    flagged: bool


@dataclass
class MapDay:
    day: date
    school: bool
    am: Half
    pm: Half
    why_closed: str | None = None


# Fewer sessions than six school weeks: an absence level over them is said to be over a short span.
SHORT_SPAN_SESSIONS = 60

def calendar_map(st: Standing) -> list[list[MapDay]]:
    """Monday-to-Friday rows covering the period, one per week that has a school day."""
    flagged = {(m.date, m.session) for m in st.mismatches}
    school = set(st.days)
    weeks: list[list[MapDay]] = []
    if not st.days:
        return weeks
    monday = st.days[0] - timedelta(days=st.days[0].weekday())
    while monday <= st.days[-1]:
        row = []
        for i in range(5):
            day = monday + timedelta(days=i)
            if day not in school:
                why = st.calendar.why_not(day) if st.calendar else None
                closed = Half("outside" if day < st.start or day > st.end else "closed", None, False)
                row.append(MapDay(day, False, closed, closed, why))
                continue
            halves = []
            for slot in ("am", "pm"):
                mark = st.marks.get((day, slot))
                if mark is not None:
                    state = _SHOWN.get(mark.category, mark.category)
                elif (day, slot) in st.logged:  # a day the council transport did not come is no possible session
                    state = "logged" if st.counts_as_possible(st.logged[(day, slot)]) else "not-counted"
                else:
                    state = "none"
                halves.append(Half(state, mark.code if mark else None, (day, slot) in flagged))
            row.append(MapDay(day, True, *halves))
        if any(d.school for d in row):
            weeks.append(row)
        monday += timedelta(days=7)
    return weeks


def half_text(half: Half) -> str:
    if half.state in ("closed", "outside"):
        return "  "
    if half.code:
        return f"{half.code[:2]:<2}"
    return "--" if half.state == "logged" else "··"


def text_map(st: Standing) -> str:
    """The map in plain text, for txt and md: a code per half day, ! where the two sides differ."""
    lines = ["Week of     Mon    Tue    Wed    Thu    Fri"]
    for week in calendar_map(st):
        cells = []
        for d in week:
            flag = "!" if d.am.flagged or d.pm.flagged else " "
            cells.append(f"{half_text(d.am)}{half_text(d.pm)}{flag} ")
        lines.append(f"{week[0].day:%d/%m/%Y}  " + " ".join(cells).rstrip())
    lines.append("Each day: the morning code, then the afternoon code.")
    lines.append("-- absent in your log, no school code; ·· no code recorded;")
    lines.append("! your record and the school's differ;")
    lines.append("blank: no school, or a day outside the period shown.")
    return "\n".join(lines)


def figures_lines(st: Standing, marked: str = "marked !") -> list[str]:
    """The figures in short sentences, for every view (`marked`: how the map marks a difference)."""
    data = st.to_json()
    out = [f"School days {dates.human_date(st.start)} to {dates.human_date(st.end)}: "
           f"{data['possible_sessions']} possible sessions."]
    if data["attendance_percent"] is not None:
        out.append(f"Your log: {data['attendance_percent']}% attendance "
                   f"({data['present_sessions']} present, {data['absent_sessions']} absent).")
    school = data["school"]
    if school:
        if school["covers_period"]:
            out.append(f"School's register: {school['attendance_percent']}% attendance, "
                       f"{school['authorised_sessions']} authorised and {school['unauthorised_sessions']} "
                       "unauthorised sessions.")
        else:
            out.append(f"School's register: you have recorded its codes for {school['coded_sessions']} of "
                       f"{data['possible_sessions']} sessions ({school['authorised_sessions']} authorised, "
                       f"{school['unauthorised_sessions']} unauthorised), too few for its attendance figure; "
                       "add the rest (register import) to compare the two.")
    if data["absence_percent"] is not None:
        which = "the school's register" if data["figures_from"] == "school" else "your log"
        level = "severe absence (50% or more)" if data["severe"] else (
            "persistent absence (10% or more)" if data["persistent"] else "below the persistent-absence level (10%)")
        if data["possible_sessions"] < SHORT_SPAN_SESSIONS and (data["severe"] or data["persistent"]):
            # Two weeks at home reads as "severe" on its own; the government's measures take a term or a year.
            level += (f", though over only {data['possible_sessions'] // 2} school days; the national measures look at "
                      "a whole term or school year")
        # Persistent (10%) and severe (50%) absence are England's DfE measures: not named for another nation's child.
        out.append(f"Absence {data['absence_percent']}%, from {which}: {level}." if data["nation"] == "england"
                   else f"Absence {data['absence_percent']}%, from {which}.")
    if st.not_school_days:
        n, last = len(st.not_school_days), dates.human_date(st.not_school_days[-1])
        out.append(f"Not counted: {n} weekday{'s' if n > 1 else ''} you logged as absent (the latest {last}) "
                   + ("are not school days in the calendar you set. If they were, " if n > 1 else
                      "is not a school day in the calendar you set. If it was, ")
                   + "add the term or correct the calendar (refusal-log calendar add-term).")
    penalty = data["penalty_threshold"]
    if penalty is None:
        out.append(data["penalty_threshold_note"])
    else:
        state = "reached" if penalty["reached"] else "not reached"
        window = ""
        if penalty["window_start"]:
            window = (f", most in any 10 school weeks: {penalty['sessions']} "
                      f"({dates.human_date(date.fromisoformat(penalty['window_start']))} to "
                      f"{dates.human_date(date.fromisoformat(penalty['window_end']))})")
        out.append(f"Penalty-notice threshold (10 unauthorised sessions in 10 school weeks): {state}{window}. "
                   + data["penalty_threshold_note"])
    out.append(f"School days lost to illness: {data['illness_school_days']}. {data['illness']['next']}")
    unsaid = data["illness_unsaid_entries"]
    if unsaid:
        ids = ", ".join(str(i) for i in unsaid)
        out.append(f"Entr{'ies' if len(unsaid) > 1 else 'y'} {ids} {'are' if len(unsaid) > 1 else 'is'} logged as "
                   f"illness, but the reason does not say {data['child']} was unwell (it names no illness, gives another reason, or "
                   "doubts the illness), so those days are not counted as illness and no letter says they were. If "
                   f"{data['child']} was unwell, correct the reason (refusal-log edit {unsaid[0]} --reason \"...\" "
                   f"--why \"...\"); if not, correct the type (refusal-log edit {unsaid[0]} --type other --why \"...\").")
    count = len(data["mismatches"])
    if count:
        out.append(f"{count} session{'s' if count != 1 else ''} where your record and the school's differ "
                   f"({marked}). 'refusal-log draft register-correction --date DATE' drafts a letter asking for a "
                   "code to be checked.")
    return out


def svg_map(st: Standing) -> str:
    """The map as inline SVG: no script; fills and patterns that print in colour and in grey."""
    weeks = calendar_map(st)
    cell_w, cell_h, left, top = 44, 18, 78, 18
    width, height = left + 5 * cell_w + 4, top + len(weeks) * cell_h + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-labelledby="att-map-title" class="attendance-map">',
             '<title id="att-map-title">Calendar of school sessions: morning and afternoon halves of each day, '
             'coloured by the school\'s code</title>',
             '<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse">'
             '<path d="M0,4 L4,0" stroke="#000" stroke-width="1"/></pattern>'
             '<pattern id="dots" width="4" height="4" patternUnits="userSpaceOnUse">'
             '<circle cx="2" cy="2" r="0.8" fill="#000"/></pattern></defs>',
             '<g font-family="sans-serif" font-size="10">']
    for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri")):
        parts.append(f'<text x="{left + i * cell_w + cell_w / 2}" y="12" text-anchor="middle">{name}</text>')
    for r, week in enumerate(weeks):
        y = top + r * cell_h
        parts.append(f'<text x="0" y="{y + 13}">{week[0].day.strftime("%d/%m/%Y")}</text>')
        for i, day in enumerate(week):
            for h, half in enumerate((day.am, day.pm)):
                x = left + i * cell_w + h * (cell_w - 4) / 2
                _, _, fill, pattern = STATES[half.state]
                label = f"{day.day.isoformat()} {'am' if h == 0 else 'pm'}: {STATES[half.state][0]}"
                if half.code:
                    label += f", code {half.code}"
                if half.flagged:
                    label += ", the two records differ"
                parts.append(f'<rect x="{x}" y="{y}" width="{(cell_w - 4) / 2}" height="{cell_h - 2}" fill="{fill}" '
                             f'stroke="#555" stroke-width="0.5"><title>{escape(label)}</title></rect>')
                if pattern in ("hatch", "dots"):
                    parts.append(f'<rect x="{x}" y="{y}" width="{(cell_w - 4) / 2}" height="{cell_h - 2}" '
                                 f'fill="url(#{pattern})" fill-opacity="0.35"/>')
                if half.code:
                    colour = "#fff" if half.state in ("unauthorised", "logged") else "#000"
                    parts.append(f'<text x="{x + (cell_w - 4) / 4}" y="{y + 12}" text-anchor="middle" '
                                 f'fill="{colour}">{escape(half.code)}</text>')
                if half.flagged:
                    parts.append(f'<rect x="{x + 1}" y="{y + 1}" width="{(cell_w - 4) / 2 - 2}" height="{cell_h - 4}" '
                                 'fill="none" stroke="#000" stroke-width="2" stroke-dasharray="3,1"/>')
    parts.append("</g></svg>")
    return "".join(parts)


# The sample drawn in each legend swatch. In England the register's own code letters;
# elsewhere the codes differ by nation and school system, so the swatch is the colour
# alone and the words say the category (never England's letters for a child in Wales).
_ENGLAND_SAMPLES = {"present": "/ ", "authorised": "I ", "unauthorised": "O ", "not-counted": "# "}
_ANY_SAMPLES = {"logged": "--", "none": "··"}


# Outside England the swatch is colour alone, so the key names the colour too: a key read
# without colour (a screen reader, NO_COLOR, a pasted copy) still says what each one is.
_COLOUR_NAMES = {"present": "green", "authorised": "yellow", "unauthorised": "red", "not-counted": "grey"}


def legend_samples(nation: str) -> dict[str, str]:
    """The sample text for each state's swatch in the terminal legend."""
    if nation == "england":
        return {**_ENGLAND_SAMPLES, **_ANY_SAMPLES}
    return {**{state: "  " for state in _ENGLAND_SAMPLES}, **_ANY_SAMPLES}


def legend_words(state: str, nation: str) -> str:
    """The words beside a swatch in the terminal legend (the colour named where the swatch has no letters)."""
    words = STATES[state][0]
    if nation != "england" and state in _COLOUR_NAMES:
        return f"{_COLOUR_NAMES[state]}: {words}"
    return words


def legend() -> list[tuple[str, str, str]]:
    """(state, words, SVG fill) for each colour, in order."""
    return [(state, words, fill) for state, (words, _, fill, _) in STATES.items()]


def legend_svg(state: str) -> str:
    """A small swatch for the legend, as SVG (CSS backgrounds may not print; SVG fills do)."""
    _, _, fill, pattern = STATES[state]
    overlay = f'<rect width="14" height="10" fill="url(#{pattern})" fill-opacity="0.35"/>' if pattern in ("hatch", "dots") else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="14" height="10" aria-hidden="true">'
            f'<rect width="14" height="10" fill="{fill}" stroke="#555" stroke-width="0.5"/>{overlay}</svg>')


def for_timeline(from_: str | None, to: str | None, child: str | None, quiet: bool = True) -> dict | None:
    """The figures and map for a timeline's summary, or None where there is no calendar (a timeline must never fail
    because attendance cannot be worked out); not `quiet`, why they are left out instead."""
    from markupsafe import Markup

    from refusal_log import attendance
    from refusal_log.errors import RefusalLogError

    from refusal_log.schoolcalendar import UncountableCalendar

    try:
        st = attendance.standing(from_, to, child)
    except attendance.NoTermThen as exc:  # (an UncountableCalendar of its own, with its own words)
        return _left_out(exc.child, f"{exc.why}.")
    except UncountableCalendar as exc:
        return _left_out(exc.child, f"the school calendar cannot be counted: {exc.why}")
    except OverflowError:  # a date past year 9999 while counting: figures left out, timeline kept
        return _left_out(child or "the child", "a date in the school calendar is too far away to count.")
    except RefusalLogError as exc:  # no calendar yet: said only where the timeline covers several children
        return None if quiet else _left_out(child, f"{exc}")
    if not st.days:
        return None
    return {
        "child": st.child, "lines": figures_lines(st), "map": text_map(st), "svg": Markup(svg_map(st)),
        "html_lines": figures_lines(st, "marked with a dashed box"),
        "legend": [(words, Markup(legend_svg(state))) for state, words, _ in legend()],
        "mismatches": [{"day": dates.human_date(m.date), "session": m.session, "code": m.school_code, "why": m.why}
                       for m in st.mismatches],
    }


def _left_out(child: str, why: str) -> dict:
    from markupsafe import Markup

    note = f"The attendance figures are left out of this timeline: {why}"
    return {"child": child, "lines": [note], "html_lines": [note], "map": "", "svg": Markup(""), "legend": [],
            "mismatches": []}
