// Expand every VEVENT series of iCalendar files with ical.js, the parser of Thunderbird's calendar.
// Usage: node icaljs_expand.mjs < request.json
//   request: {"until": "YYYY-MM-DDTHH:MM:SSZ", "files": ["a.ics", ...]}
// Prints one JSON list, one item per file:
//   {file, problems: [..], zones: [tzid..], events: {uid: {tzid, recurring, start, occurrences: [..]}}}
// Each occurrence: {recurrence, start, end, status, override, rdate, floating, local, offset}
//   start/end: UTC instant "YYYY-MM-DDTHH:MM:SSZ" (or "YYYY-MM-DD" for VALUE=DATE);
//   local/offset: the start converted to the registered VTIMEZONE of DTSTART's TZID
//   (wall time "YYYY-MM-DDTHH:MM:SS" and UTC offset in seconds), as a subscriber sees it.
// Every occurrence that starts before "until" is listed, from the first one on.
// Each file is read on its own: the time zone registry is emptied before each file, so a
// file that lacks a VTIMEZONE for a TZID it uses shows up as floating, as it would in a client.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const MAX_OCCURRENCES = 5000; // per series; a runaway rule is reported, not looped forever
const request = JSON.parse(readFileSync(0, "utf8"));
const until = ICAL.Time.fromDateTimeString(request.until.replace(/Z$/, "") + "Z");

function isFloating(time) {
  return !time.isDate && (!time.zone || time.zone === ICAL.Timezone.localTimezone || time.zone.tzid === "floating");
}

function instant(time) {
  if (time.isDate || isFloating(time)) return time.toString(); // floating: wall time, no "Z"
  return time.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

function statusOf(event, master) {
  const own = event.component.getFirstPropertyValue("status");
  if (own) return String(own).toUpperCase();
  const inherited = master ? master.component.getFirstPropertyValue("status") : null;
  return inherited ? String(inherited).toUpperCase() : "";
}

function occurrence(recurrence, start, end, event, master, tzid, rdates) {
  const item = { recurrence: instant(recurrence), start: instant(start), end: end ? instant(end) : null, status: statusOf(event, master),
                 override: event !== master, rdate: rdates.has(recurrence.toString()),
                 floating: isFloating(start) || (end ? isFloating(end) : false), local: null, offset: null };
  const zone = tzid ? ICAL.TimezoneService.get(tzid) : null;
  if (zone && !start.isDate) {
    const local = start.convertToZone(zone);
    item.local = local.toString().replace(/Z$/, "");
    item.offset = local.utcOffset();
  }
  return item;
}

function expandFile(file) {
  const problems = [];
  const events = {};
  const zones = [];
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    const tz = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(tz, tz.tzid);
    zones.push(tz.tzid);
  }
  const byUid = new Map();
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const uid = vevent.getFirstPropertyValue("uid") || "(ohne UID)";
    if (!byUid.has(uid)) byUid.set(uid, { masters: [], exceptions: [] });
    const group = byUid.get(uid);
    (vevent.hasProperty("recurrence-id") ? group.exceptions : group.masters).push(vevent);
  }
  for (const [uid, group] of byUid) {
    for (const vevent of [...group.masters, ...group.exceptions]) {
      for (const name of ["dtstart", "dtend", "recurrence-id", "exdate", "rdate"]) {
        for (const prop of vevent.getAllProperties(name)) {
          for (const value of prop.getValues()) {
            const time = value.start || value; // an RDATE may be a PERIOD
            if (time instanceof ICAL.Time && isFloating(time)) {
              problems.push(`${uid}: ${name.toUpperCase()} ${time.toString()} is floating (no TZID with a VTIMEZONE, no Z, not VALUE=DATE)`);
            }
          }
        }
      }
    }
    if (group.masters.length !== 1) {
      problems.push(`${uid}: ${group.masters.length} VEVENTs without RECURRENCE-ID, expected exactly one`);
    }
    if (!group.masters.length) continue;
    // exceptions: [] stops ical.js from relating every RECURRENCE-ID VEVENT of the calendar,
    // whatever its UID; we relate this UID's overrides ourselves (strict: the UID must match).
    const master = new ICAL.Event(group.masters[0], { strictExceptions: true, exceptions: [] });
    for (const exception of group.exceptions) master.relateException(exception);
    const dtstart = group.masters[0].getFirstProperty("dtstart");
    const tzid = dtstart ? dtstart.getParameter("tzid") || null : null;
    if (tzid && !ICAL.TimezoneService.has(tzid)) problems.push(`${uid}: DTSTART uses TZID=${tzid}, but the file has no VTIMEZONE for it`);
    const rdates = new Set();
    for (const prop of group.masters[0].getAllProperties("rdate")) {
      for (const value of prop.getValues()) rdates.add((value.start || value).toString());
    }
    const entry = { tzid, recurring: master.isRecurring(), start: instant(master.startDate), occurrences: [] };
    events[uid] = entry;
    if (!master.isRecurring()) {
      entry.occurrences.push(occurrence(master.startDate, master.startDate, master.endDate, master, master, tzid, rdates));
      continue;
    }
    const iterator = master.iterator();
    let next;
    while ((next = iterator.next())) {
      if (next.compare(until) >= 0) break;
      if (entry.occurrences.length >= MAX_OCCURRENCES) {
        problems.push(`${uid}: more than ${MAX_OCCURRENCES} occurrences before ${request.until}`);
        break;
      }
      const details = master.getOccurrenceDetails(next);
      entry.occurrences.push(occurrence(next, details.startDate, details.endDate, details.item || master, master, tzid, rdates));
    }
    const expanded = new Set(entry.occurrences.map((o) => o.recurrence));
    for (const exception of group.exceptions) {
      const recurrence = instant(new ICAL.Event(exception).recurrenceId);
      if (recurrence < request.until && !expanded.has(recurrence)) {
        problems.push(`${uid}: override RECURRENCE-ID ${recurrence} matches no occurrence of the series`);
      }
    }
  }
  return { file, problems, zones, events };
}

const results = [];
for (const file of request.files) {
  try {
    results.push(expandFile(file));
  } catch (error) {
    results.push({ file, problems: [`ical.js cannot read it: ${error.message}`], zones: [], events: {} });
  }
}
process.stdout.write(JSON.stringify(results));
