"""The time part of an entry: start, end, recurrence, exceptions, breaks, holidays.

A :class:`Schedule` is read from the ``Beginn``/``Ende``/``Wiederholung``/… fields and
expanded into :class:`Instance` values in local wall-clock time. It is the same for every
translation (only the reasons are in the file's language).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from .problems import MISSING, FieldError
from .rules import Rule, parse_rrule, parse_simple
from .values import (
    as_list,
    check_duration_length,
    parse_date,
    parse_date_or_datetime,
    parse_duration,
    parse_time,
    split_reason,
)

MAX_INSTANCES = 1500
GERMAN_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
ONE_DAY = dt.timedelta(days=1)
TIME_ONLY_RE = re.compile(r"\d{1,2}:\d{2}(\s*Uhr)?", re.IGNORECASE)


@dataclass(frozen=True)
class Exclusion:
    """``Ausnahme:`` a date without a session (EXDATE), with its reason."""

    start: dt.datetime
    reason: str


@dataclass(frozen=True)
class Extra:
    """``Zusatztermin:`` an extra session (RDATE), with an optional note."""

    start: dt.datetime
    note: str


@dataclass(frozen=True)
class Change:
    """``Ausfall:`` or ``Verlegt:`` one session cancelled or moved (override VEVENT)."""

    original: dt.datetime
    cancelled: bool
    new_start: dt.datetime | None
    new_duration: dt.timedelta | None
    venue: str | None
    reason: str


@dataclass(frozen=True)
class Break:
    """``Ferien:`` a term break; sessions on these days are skipped."""

    first: dt.date
    last: dt.date
    reason: str


@dataclass(frozen=True)
class Instance:
    """One expanded session in local wall-clock time (naive datetimes, see ``Schedule.zone``).

    state: ``normal``, ``moved``, ``cancelled`` or ``skipped``; ``reason_kind`` tells where the
    reason comes from: ``ausnahme``, ``ferien``, ``feiertag``, ``ausfall``, ``verlegt``,
    ``abgesagt`` or ``zusatztermin`` (a note on an extra date).
    """

    start: dt.datetime
    end: dt.datetime
    state: str
    reason: str
    reason_kind: str
    recurrence_id: dt.datetime  # the start the session had in the series
    venue: str | None


@dataclass(frozen=True)
class Schedule:
    """When an entry takes place. All datetimes are naive local times in ``tz``."""

    tz: str
    all_day: bool
    first: dt.datetime
    duration: dt.timedelta
    rule: Rule | None = None
    exclusions: tuple[Exclusion, ...] = ()
    extras: tuple[Extra, ...] = ()
    changes: tuple[Change, ...] = ()
    breaks: tuple[Break, ...] = ()
    skip_holidays: bool = False
    cancelled: str | None = None
    venue: str | None = None
    _cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    @property
    def recurring(self) -> bool:
        return self.rule is not None or bool(self.extras)

    def rule_starts(self) -> list[dt.datetime]:
        """Starts produced by the rule (or the single start), before any exception."""
        if "rule" not in self._cache:
            starts = [self.first] if self.rule is None else self.rule.starts(self.first, MAX_INSTANCES)
            self._cache["rule"] = starts
        return self._cache["rule"]

    def series_starts(self) -> list[dt.datetime]:
        """Rule starts plus extra dates, sorted (the RECURRENCE-ID candidates)."""
        if "series" not in self._cache:
            self._cache["series"] = sorted(set(self.rule_starts()) | {extra.start for extra in self.extras})
        return list(self._cache["series"])

    def holiday_skips(self) -> dict[dt.date, str]:
        """Saxon public holidays on which a rule start falls, with their German names.

        The name is the reason of the skipped session; pages show it in their own language
        (:func:`.i18n.holiday_name`).
        """
        if not self.skip_holidays:
            return {}
        starts = self.rule_starts()
        years = sorted({s.year for s in starts})
        names = saxon_holidays(tuple(years), "de")
        return {s.date(): names[s.date()] for s in starts if s.date() in names}

    def instances(self) -> list[Instance]:
        """Every session, including skipped and cancelled ones, sorted by start.

        Computed once: the views, feeds and checks all ask for them.
        """
        if "instances" not in self._cache:
            self._cache["instances"] = tuple(self._instances())
        return list(self._cache["instances"])

    def _instances(self) -> list[Instance]:
        excluded = {ex.start: ex.reason for ex in self.exclusions}
        changes = {change.original: change for change in self.changes}
        extras = {extra.start: extra.note for extra in self.extras}
        holiday_names = self.holiday_skips()
        result = []
        for original in self.series_starts():
            start, end = original, original + self.duration
            state, reason, kind, venue = "normal", "", "", self.venue
            if original in extras and extras[original]:
                reason, kind = extras[original], "zusatztermin"
            on_break = next((b for b in self.breaks if b.first <= original.date() <= b.last), None)
            if original in excluded:
                state, reason, kind = "skipped", excluded[original], "ausnahme"
            elif original in changes:
                change = changes[original]
                venue = change.venue or self.venue
                if change.cancelled:
                    state, reason, kind = "cancelled", change.reason, "ausfall"
                else:
                    state, reason, kind = "moved", change.reason, "verlegt"
                    start = change.new_start or original
                    end = start + (change.new_duration or self.duration)
            elif original not in extras and on_break is not None:
                state, reason, kind = "skipped", on_break.reason, "ferien"
            elif original not in extras and original.date() in holiday_names:
                state, reason, kind = "skipped", holiday_names[original.date()], "feiertag"
            if self.cancelled is not None and state != "skipped":
                state, reason, kind = "cancelled", self.cancelled, "abgesagt"
            result.append(Instance(start, end, state, reason, kind, original, venue))
        return sorted(result, key=lambda i: (i.start, i.recurrence_id))


@lru_cache(maxsize=64)
def saxon_holidays(years: tuple[int, ...], language: str) -> dict[dt.date, str]:
    """Public holidays in Saxony (holidays package, subdivision SN) for the given years."""
    return dict(holidays.Germany(subdiv="SN", years=list(years), language=language))


def zone_or_error(name: str) -> ZoneInfo:
    """ZoneInfo for ``name`` or a FieldError naming it."""
    try:
        if not re.fullmatch(r"[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)*", name):
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError(
            f"„{name}“ ist keine bekannte Zeitzone",
            "einen Namen aus der tz-Datenbank verwenden, z. B. Europe/Berlin (oder das Feld weglassen)",
        ) from None


def local_time_problem(moment: dt.datetime, zone: ZoneInfo) -> str | None:
    """Explain why a naive local time is not a single real moment, else None."""
    if moment.replace(tzinfo=zone).astimezone(dt.timezone.utc).astimezone(zone).replace(
        tzinfo=None
    ) != moment:
        return "gibt es nicht (Zeitumstellung, die Uhr springt vor)"
    if moment.replace(fold=0, tzinfo=zone).utcoffset() != moment.replace(
        fold=1, tzinfo=zone
    ).utcoffset():
        return "ist doppeldeutig (Zeitumstellung, die Stunde gibt es zweimal)"
    return None


class ScheduleReader:
    """Builds a :class:`Schedule` from metadata, reporting every problem through ``report``.

    ``report(key, message, fix, value=None)`` records a problem for field ``key`` (and the
    line holding ``value``). Every field is checked even when another one is broken (a
    wrong ``Beginn`` does not hide a wrong ``Ausfall`` line): all mistakes in one round.
    """

    def __init__(self, metadata: dict, report, default_tz: str, venue_keys):
        self.meta = metadata
        self.report = report
        self.default_tz = default_tz
        self.venue_keys = venue_keys

    def one(self, key: str) -> str | None:
        values = as_list(self.meta.get(key))
        if len(values) > 1:
            self.report(key, "das Feld steht mehrmals da", "nur eine Zeile mit diesem Feld behalten", values[1])
        return values[0].strip() if values else None

    def read(self) -> Schedule | None:
        """Return the schedule, or None when its basic fields are broken (all reported)."""
        tz_name = self.one("zeitzone") or self.default_tz
        try:
            zone = zone_or_error(tz_name)
        except FieldError as error:
            self.report("zeitzone", error.message, error.fix, tz_name)
            zone = None
        start = self.read_start()
        all_day = start is not None and not isinstance(start, dt.datetime)
        first = None if start is None else (dt.datetime.combine(start, dt.time()) if all_day else start)
        duration = self.read_duration(start, all_day)
        rule = self.read_rule(first, zone, all_day)
        venue = self.one("ort")
        if venue and venue not in self.venue_keys:
            known = ", ".join(sorted(self.venue_keys)) or "(keine)"
            self.report(
                "ort", f"der Ort „{venue}“ steht nicht in der Ortsliste",
                f"einen Schlüssel aus content/kalender/orte.toml verwenden ({known}) oder den Ort dort eintragen",
                venue,
            )  # fmt: skip
        cancelled = None
        if "abgesagt" in self.meta:
            cancelled = self.one("abgesagt") or ""
            if not cancelled:
                self.report("abgesagt", "der Grund fehlt", "den Grund dahinter schreiben, z. B. „Abgesagt: Die Leiterin ist krank.“")
        holidays_value = (self.one("feiertage") or "").lower()
        if holidays_value not in ("", "überspringen", "ueberspringen", "stattfinden"):
            self.report("feiertage", f"„{holidays_value}“ ist kein erlaubter Wert", "„überspringen“ oder „stattfinden“ schreiben", holidays_value)
        if zone is None or first is None or duration is None or rule is False:
            self.read_exceptions(None, zone)  # only the form of each line can be checked
            return None
        schedule = Schedule(
            tz=tz_name, all_day=all_day, first=first, duration=duration, rule=rule or None,
            skip_holidays=holidays_value in ("überspringen", "ueberspringen"),
            cancelled=cancelled, venue=venue,
        )  # fmt: skip
        return self.read_exceptions(schedule, zone)

    def read_start(self) -> dt.date | dt.datetime | None:
        start_text = self.one("beginn")
        if not start_text:
            self.report("beginn", MISSING, "z. B. „Beginn: 2026-09-01 17:00“ ergänzen (ohne Uhrzeit = ganztägig)")
            return None
        try:
            return parse_date_or_datetime(start_text)
        except FieldError as error:
            self.report("beginn", error.message, error.fix, start_text)
            return None

    def read_duration(self, start, all_day: bool) -> dt.timedelta | None:
        """Length of each session from ``Ende`` or ``Dauer``; with ``start`` None only their form."""
        end_text, duration_text = self.one("ende"), self.one("dauer")
        if end_text and duration_text:
            self.report("dauer", "„Ende“ und „Dauer“ stehen beide da", "nur eines von beiden angeben", duration_text)
            return None
        try:
            if duration_text:
                duration = parse_duration(duration_text)
                check_duration_length(duration, duration_text)
                if all_day and duration % ONE_DAY:
                    raise FieldError(
                        f"„{duration_text}“ sind keine ganzen Tage, der Termin ist ganztägig",
                        "ganze Tage angeben (z. B. „2 Tage“) oder beim Beginn eine Uhrzeit ergänzen",
                    )
                return duration if start is not None else None
            if start is None:
                if end_text and not TIME_ONLY_RE.fullmatch(end_text.strip()):
                    parse_date_or_datetime(end_text)
                elif end_text:
                    parse_time(end_text)
                return None
            duration = self._duration_from_end(start, end_text, all_day)
            check_duration_length(duration, end_text or "")
            return duration
        except FieldError as error:
            key = "dauer" if duration_text else "ende"
            self.report(key, error.message, error.fix, duration_text or end_text)
            return None

    def _duration_from_end(self, start, end_text: str | None, all_day: bool) -> dt.timedelta:
        if not end_text:
            if all_day:
                return ONE_DAY
            raise FieldError("„Ende“ oder „Dauer“ fehlt", "z. B. „Ende: 19:00“ oder „Dauer: 2 Stunden“ ergänzen")
        if all_day:
            end = parse_date_or_datetime(end_text)
            if isinstance(end, dt.datetime):
                raise FieldError(
                    f"„{end_text}“ hat eine Uhrzeit, der Beginn aber nicht (ganztägig)",
                    "beim Ende nur das Datum des letzten Tages angeben, oder beim Beginn eine Uhrzeit ergänzen",
                )
            if end < start:
                raise FieldError(
                    f"das Ende {end.isoformat()} liegt vor dem Beginn {start.isoformat()}",
                    "Beginn und Ende prüfen (Ende = letzter Tag, einschließlich)",
                )
            return end - start + ONE_DAY
        if TIME_ONLY_RE.fullmatch(end_text.strip()):
            end = dt.datetime.combine(start.date(), parse_time(end_text))
        else:
            end = parse_date_or_datetime(end_text)
            if not isinstance(end, dt.datetime):
                raise FieldError(
                    f"„{end_text}“ hat keine Uhrzeit, der Beginn aber schon",
                    "beim Ende auch die Uhrzeit angeben, z. B. „2026-09-01 19:00“ oder nur „19:00“",
                )
        if end <= start:
            raise FieldError(
                f"das Ende „{end_text}“ liegt nicht nach dem Beginn {start:%Y-%m-%d %H:%M}",
                "Beginn und Ende prüfen; geht der Termin über Mitternacht, beim Ende das Datum mit angeben",
            )
        return end - start

    def read_rule(self, first: dt.datetime | None, zone: ZoneInfo | None, all_day: bool):
        """The recurrence rule, None without one, False when broken (reported).

        With ``first`` None (a broken start) only the rule's own form is checked.
        """
        simple, raw = self.one("wiederholung"), self.one("rrule")
        if simple and raw:
            self.report("rrule", "„Wiederholung“ und „RRULE“ stehen beide da", "nur eines von beiden angeben", raw)
            return False
        if not simple and not raw:
            return None
        key, text = ("wiederholung", simple) if simple else ("rrule", raw)
        probe = first or dt.datetime(2000, 1, 3)
        try:
            rule = parse_simple(simple, first.date() if first else None) if simple else parse_rrule(raw, probe, zone or ZoneInfo("UTC"))
            if first is None:
                return False
            starts = rule.starts(first, MAX_INSTANCES)
        except FieldError as error:
            self.report(key, error.message, error.fix, text)
            return False
        except (ValueError, OverflowError):
            self.report(key, f"„{text}“ ergibt Termine außerhalb des Kalenders", "ein früheres Ende oder einen kleineren Abstand angeben", text)
            return False
        if len(starts) > MAX_INSTANCES:
            self.report(key, f"„{text}“ ergibt mehr als {MAX_INSTANCES} Termine", "ein früheres Ende angeben", text)
            return False
        if not starts or starts[0] != first:
            weekday = GERMAN_WEEKDAYS[first.weekday()]
            self.report(
                key,
                f"der Beginn {first:%Y-%m-%d} ({weekday}) ist selbst kein Termin der Regel „{text}“",
                "den Beginn auf den ersten echten Termin legen (z. B. den ersten Dienstag)",
                text,
            )
            return False
        if all_day and rule.until is not None and isinstance(rule.until, dt.datetime):
            self.report(key, "UNTIL hat eine Uhrzeit, der Termin ist ganztägig", "UNTIL nur als Datum JJJJMMTT angeben", text)
            return False
        return rule

    def read_exceptions(self, schedule: Schedule | None, zone: ZoneInfo | None) -> Schedule | None:
        """Ausnahme, Zusatztermin, Ausfall, Verlegt and Ferien lines.

        Without a schedule (its basic fields are broken) each line is still checked on its
        own: a date that does not exist, a missing reason, an unknown place.
        """
        known = schedule is not None
        starts = set(schedule.rule_starts()) if known else set()
        exclusions, extras, changes, breaks = [], [], [], []
        has_rule = schedule.rule is not None if known else bool(self.meta.get("wiederholung") or self.meta.get("rrule"))
        for text in as_list(self.meta.get("zusatztermin")):
            try:
                value, note = split_reason(text)
                extra = self.session_value(value, schedule)
                if known and extra in starts:
                    raise FieldError(f"„{value}“ ist schon ein Termin der Reihe", "die Zeile löschen")
                starts.add(extra)
                extras.append(Extra(extra, note))
            except FieldError as error:
                self.report("zusatztermin", error.message, error.fix, text)
        for key in ("ausnahme", "ausfall", "verlegt"):
            for text in as_list(self.meta.get(key)):
                try:
                    if not has_rule and not extras and "zusatztermin" not in self.meta:
                        raise FieldError(
                            "das geht nur bei Terminen mit Wiederholung oder Zusatzterminen",
                            "bei einem einzelnen Termin stattdessen Beginn ändern oder „Abgesagt: Grund“ schreiben",
                        )
                    if key == "verlegt":
                        changes.append(self.read_move(text, schedule, starts))
                        continue
                    value, reason = split_reason(text)
                    if not reason:
                        raise FieldError(
                            f"bei „{text}“ fehlt der Grund",
                            f"den Grund nach einem Strich angeben, z. B. „{value} - Feiertag“",
                        )
                    moment = self.find_session(value, schedule, starts)
                    if key == "ausnahme":
                        exclusions.append(Exclusion(moment, reason))
                    else:
                        changes.append(Change(moment, True, None, None, None, reason))
                except FieldError as error:
                    self.report(key, error.message, error.fix, text)
        for text in as_list(self.meta.get("ferien")):
            try:
                breaks.append(self.read_break(text, has_rule))
            except FieldError as error:
                self.report("ferien", error.message, error.fix, text)
        skip_holidays = [v.strip().lower() for v in as_list(self.meta.get("feiertage"))][:1] in (["überspringen"], ["ueberspringen"])
        if skip_holidays and not has_rule:
            self.report("feiertage", "„Feiertage: überspringen“ geht nur bei Terminen mit Wiederholung", "die Zeile löschen")
        if not known:
            return None
        seen = set()
        for change in changes:
            if change.original in seen or change.original in {e.start for e in exclusions}:
                self.report(
                    "verlegt" if not change.cancelled else "ausfall",
                    f"der Termin {change.original:%Y-%m-%d %H:%M} hat mehrere Ausnahmen",
                    "pro Termin nur eine Zeile „Ausnahme“, „Ausfall“ oder „Verlegt“ angeben",
                )
            seen.add(change.original)
        schedule = Schedule(
            tz=schedule.tz, all_day=schedule.all_day, first=schedule.first, duration=schedule.duration,
            rule=schedule.rule, exclusions=tuple(exclusions), extras=tuple(sorted(extras, key=lambda e: e.start)),
            changes=tuple(changes), breaks=tuple(breaks), skip_holidays=schedule.skip_holidays,
            cancelled=schedule.cancelled, venue=schedule.venue,
        )  # fmt: skip
        if not schedule.all_day:
            self.check_local_times(schedule, zone)
        return schedule

    def read_break(self, text: str, has_rule: bool) -> Break:
        """``2026-10-13 bis 2026-10-24 - Herbstferien``."""
        if not has_rule:
            raise FieldError("Ferien gibt es nur bei Terminen mit Wiederholung", "die Zeile löschen oder eine Wiederholung angeben")
        value, reason = split_reason(text)
        match = re.fullmatch(r"(\S+)\s+bis\s+(\S+)", value.strip())
        if not match:
            raise FieldError(f"„{text}“ ist kein Zeitraum", "so schreiben: „2026-10-13 bis 2026-10-24 - Herbstferien“")
        if not reason:
            raise FieldError(f"bei „{text}“ fehlt der Grund", "z. B. „ - Herbstferien“ anhängen")
        first, last = parse_date(match[1]), parse_date(match[2])
        if last < first:
            raise FieldError(f"in „{text}“ liegt das Ende vor dem Anfang", "die beiden Daten tauschen")
        return Break(first, last, reason)

    def session_value(self, value: str, schedule: Schedule | None) -> dt.datetime:
        """A date or date-time written for a session, as the naive local start."""
        moment = parse_date_or_datetime(value)
        if isinstance(moment, dt.datetime):
            if schedule is not None and schedule.all_day:
                raise FieldError(f"„{value}“ hat eine Uhrzeit, der Termin ist ganztägig", "nur das Datum angeben")
            return moment
        if schedule is None:
            return dt.datetime.combine(moment, dt.time())
        return dt.datetime.combine(moment, dt.time() if schedule.all_day else schedule.first.time())

    def find_session(self, value: str, schedule: Schedule | None, starts: set) -> dt.datetime:
        """The series start that ``value`` (a date, or date and time) refers to."""
        moment = parse_date_or_datetime(value)
        if schedule is None:
            return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())
        if isinstance(moment, dt.datetime):
            candidates = [s for s in starts if s == moment]
        else:
            candidates = [s for s in starts if s.date() == moment]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            day = moment.date() if isinstance(moment, dt.datetime) else moment
            near = sorted(starts, key=lambda s: abs(s - dt.datetime.combine(day, dt.time())))[:2]
            hint = ", ".join(f"{s:%Y-%m-%d}" if schedule.all_day else f"{s:%Y-%m-%d %H:%M}" for s in sorted(near))
            raise FieldError(
                f"am {value} gibt es keinen Termin dieser Reihe",
                f"das Datum prüfen; nächstgelegene Termine: {hint}",
            )
        raise FieldError(f"am {value} gibt es mehrere Termine", "die Uhrzeit mit angeben, z. B. „2026-10-06 17:00“")

    def read_move(self, text: str, schedule: Schedule | None, starts: set) -> Change:
        """``2026-10-13 auf 2026-10-14 18:00 bis 20:00, Ort: rathaus - Grund``."""
        fix = "so schreiben: „2026-10-13 auf 2026-10-14 18:00, Ort: rathaus - Grund“ (siehe docs/kalender-felder.md)"
        value, reason = split_reason(text)
        venue = None
        match = re.search(r",?\s*Ort:\s*(\S+)\s*$", value)
        if match:
            venue = match[1]
            value = value[: match.start()]
            if venue not in self.venue_keys:
                raise FieldError(f"der Ort „{venue}“ steht nicht in der Ortsliste", "einen Schlüssel aus content/kalender/orte.toml verwenden")
        match = re.fullmatch(r"(?P<old>.+?)(?:\s+auf\s+(?P<new>.+?))?(?:\s+bis\s+(?P<end>.+))?", value.strip())
        if not match:
            raise FieldError(f"„{text}“ ist unverständlich", fix)
        original = self.find_session(match["old"], schedule, starts)
        all_day = schedule is not None and schedule.all_day
        new_start, new_duration = None, None
        if match["new"]:
            new_text = match["new"].strip()
            if TIME_ONLY_RE.fullmatch(new_text):
                if all_day:
                    raise FieldError(f"„{new_text}“ ist eine Uhrzeit, der Termin ist ganztägig", "ein Datum angeben")
                new_start = dt.datetime.combine(original.date(), parse_time(new_text))
            else:
                new_start = self.session_value(new_text, schedule)
                written = parse_date_or_datetime(new_text)
                if not isinstance(written, dt.datetime):
                    new_start = dt.datetime.combine(new_start.date(), original.time())
        if match["end"]:
            base = new_start or original
            end_text = match["end"].strip()
            end = (
                dt.datetime.combine(base.date(), parse_time(end_text))
                if TIME_ONLY_RE.fullmatch(end_text)
                else self.session_value(end_text, schedule)
            )
            if end <= base:
                raise FieldError(f"in „{text}“ liegt das Ende nicht nach dem Beginn", "die Uhrzeiten prüfen")
            new_duration = end - base
            check_duration_length(new_duration, end_text)
        if new_start is None and new_duration is None and venue is None:
            raise FieldError(f"„{text}“ sagt nicht, wohin verlegt wird", fix)
        if (schedule is not None and (new_start or original) == original
                and (new_duration or schedule.duration) == schedule.duration and venue in (None, schedule.venue)):
            # The pages say what a move changes (time, place or both); here it would be nothing.
            raise FieldError(f"„{text}“ ändert weder Zeit noch Ort: der Termin ist ohnehin so",
                             "eine andere Uhrzeit, ein anderes Datum oder einen anderen Ort angeben, oder die Zeile löschen")
        return Change(original, False, new_start, new_duration, venue, reason)

    def check_local_times(self, schedule: Schedule, zone: ZoneInfo) -> None:
        """Report starts or ends at local times that do not exist or are ambiguous."""
        for instance in schedule.instances():
            if instance.state == "skipped":
                continue
            for label, moment in (("Beginn", instance.start), ("Ende", instance.end)):
                problem = local_time_problem(moment, zone)
                if problem:
                    key = "beginn" if moment == schedule.first else ("ende" if moment == schedule.first + schedule.duration else ("wiederholung" if "wiederholung" in self.meta else "rrule"))
                    self.report(
                        key if key in self.meta or key in ("beginn",) else "beginn",
                        f"{label} {moment:%Y-%m-%d %H:%M} {problem}",
                        "eine andere Uhrzeit wählen oder diesen Termin mit „Ausnahme:“ ausnehmen bzw. mit „Verlegt:“ verlegen",
                    )
                    return
