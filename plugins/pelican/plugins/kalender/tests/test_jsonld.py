"""JSON-LD serialisation: nothing in the data can end the script element."""

import json

from types import SimpleNamespace

from pelican.plugins.kalender.jsonld import event_status, script_json


def test_script_json_escapes_markup_characters_and_still_parses():
    data = {"name": '</script><script>alert(1)</script> <!-- & "x"', "n": 1}
    text = str(script_json(data))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_script_json_keeps_non_ascii_readable():
    assert str(script_json({"name": "Gartentag für alle – حديقة"})) == '{"name":"Gartentag für alle – حديقة"}'


def test_a_new_place_alone_is_no_new_date():
    assert event_status(SimpleNamespace(state="moved", time_changed=False)).endswith("/EventScheduled")
    assert event_status(SimpleNamespace(state="moved", time_changed=True)).endswith("/EventRescheduled")
    assert event_status(SimpleNamespace(state="cancelled", time_changed=False)).endswith("/EventCancelled")
