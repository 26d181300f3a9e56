// Parse iCalendar files with ical.js (the parser many web calendar clients use).
// Usage: node ics_check.mjs < paths.json   (a JSON list of file paths)
// Prints one JSON list: [{file, events, problems: [..]}], one entry per file.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const paths = JSON.parse(readFileSync(0, "utf8"));
const results = [];

for (const file of paths) {
  const problems = [];
  let events = 0;
  try {
    const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    if (root.name !== "vcalendar") problems.push(`top-level component is ${root.name}, not VCALENDAR`);
    for (const prop of ["version", "prodid"]) {
      if (!root.hasProperty(prop)) problems.push(`VCALENDAR has no ${prop.toUpperCase()}`);
    }
    const zones = new Set(["UTC"]);
    for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
      const tz = new ICAL.Timezone(vtimezone);
      ICAL.TimezoneService.register(tz.tzid, tz);
      zones.add(tz.tzid);
    }
    for (const vevent of root.getAllSubcomponents("vevent")) {
      events += 1;
      const event = new ICAL.Event(vevent);
      const label = event.uid || `event #${events}`;
      if (!event.uid) problems.push(`${label}: no UID`);
      if (!vevent.hasProperty("dtstamp")) problems.push(`${label}: no DTSTAMP`);
      if (!event.startDate) {
        problems.push(`${label}: no DTSTART`);
        continue;
      }
      for (const name of ["dtstart", "dtend", "recurrence-id"]) {
        const tzid = vevent.getFirstProperty(name)?.getParameter("tzid");
        if (tzid && !zones.has(tzid)) problems.push(`${label}: ${name.toUpperCase()} uses TZID=${tzid} without a VTIMEZONE`);
      }
      if (event.endDate && event.endDate.compare(event.startDate) < 0) problems.push(`${label}: ends before it starts`);
      if (event.isRecurring()) {
        const iterator = event.iterator();
        let count = 0;
        while (count < 500 && iterator.next()) count += 1;
        if (count === 0) problems.push(`${label}: recurrence yields no occurrence`);
      }
    }
  } catch (error) {
    problems.push(`ical.js cannot parse it: ${error.message}`);
  }
  results.push({ file, events, problems });
}

process.stdout.write(JSON.stringify(results));
