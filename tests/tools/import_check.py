#!/usr/bin/env python3
"""import_check.py: an independent computation of KPIs from a real snapshot export.

usage: import_check.py DATASET DATA.jsonl[.gz] KPIS.json FROM TO

Reads the raw export records (ServiceNow UCI 498 or Volvo VINST) with Python's
own JSON parser, applies SPEC section 3 (snapshots mode) and section 5 (24x7
resolution clock, one SLA in UTC) written here from the SPEC text alone, and
compares per month and severity: items opened, resolution clocks ended
(resolved), the median time to resolve; per month: reopened and resolved
events (through reopen_rate). Shares no code with slareport. Prints one line
per difference and a summary; exit 0 when everything matches.
"""
import gzip
import json
import math
import sys
from datetime import datetime, timezone

OPEN, PAUSED, RESOLVED, CLOSED = "open", "paused", "resolved", "closed"

# What each export's fields mean: the same choices as the mappings under test,
# restated here so that a wrong mapping file shows up as a difference.
DATASETS = {
    "servicenow": {
        "id": "number", "at": "sys_updated_at", "opened_at": "opened_at",
        "team": "assignment_group", "team_default": "(unassigned)",
        "severity": "priority",
        "severity_map": {"1 - Critical": 1, "2 - High": 2, "3 - Moderate": 3, "4 - Low": 4},
        "state": "incident_state",
        "state_map": {"New": OPEN, "Active": OPEN, "In Progress": OPEN,
                      "On Hold": PAUSED, "Awaiting User Info": PAUSED,
                      "Awaiting Caller": PAUSED, "Awaiting Vendor": PAUSED,
                      "Awaiting Problem": PAUSED, "Awaiting Evidence": PAUSED,
                      "Awaiting Change": PAUSED, "Resolved": RESOLVED,
                      "Closed": CLOSED, "Canceled": CLOSED},
    },
    "volvo": {
        "id": "SR Number", "at": "Change Date+Time", "opened_at": None,
        "team": "Involved ST", "team_default": None,
        "severity": "SR Latest Impact",
        "severity_map": {"Major": 1, "High": 2, "Medium": 3, "Low": 4},
        "state": "Sub Status",
        "state_map": {"Unmatched": OPEN, "Awaiting Assignment": OPEN, "Assigned": OPEN,
                      "In Progress": OPEN, "In Call": OPEN, "Wait": PAUSED,
                      "Wait - User": PAUSED, "Wait - Vendor": PAUSED,
                      "Wait - Implementation": PAUSED, "Wait - Customer": PAUSED,
                      "Resolved": RESOLVED, "Closed": CLOSED, "Cancelled": CLOSED},
    },
}


def instant(text):
    """Seconds since 1970 of an ISO timestamp; no offset means UTC."""
    d = datetime.fromisoformat(text)
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return int(d.timestamp())


def month(t):
    d = datetime.fromtimestamp(t, tz=timezone.utc)
    return "%04d-%02d" % (d.year, d.month)


def merged_by_instant(snaps):
    """Snapshots of one instant are one state change: the state after the last
    of them, in input order (a field a record does not give is unchanged)."""
    out = []
    for s in snaps:
        if out and out[-1]["at"] == s["at"]:
            m = out[-1]
            for k in ("team", "sev", "state"):
                if s[k] is not None:
                    m[k] = s[k]
            if s["opened_at"] is not None and (m["opened_at"] is None or
                                               s["opened_at"] < m["opened_at"]):
                m["opened_at"] = s["opened_at"]
        else:
            out.append(dict(s))
    return out


def events_of(snaps, cfg):
    """SPEC 3, snapshots mode: the events of one item's snapshots (in at order)."""
    snaps = merged_by_instant(snaps)
    first = snaps[0]
    team, sev = first["team"], first["sev"]
    t_open = first["at"]
    if first["opened_at"] is not None and first["opened_at"] < t_open:
        t_open = first["opened_at"]
    out = [("opened", t_open, sev)]
    state = OPEN

    def transition(old, new, t):
        if old == new:
            return
        if new == RESOLVED:
            out.append(("resolved", t, None))
        elif new == CLOSED:
            out.append(("closed", t, None))
        elif old in (RESOLVED, CLOSED):
            out.append(("reopened", t, None))
            if new == PAUSED:
                out.append(("paused", t, None))
        else:
            out.append(("paused" if new == PAUSED else "resumed", t, None))

    if first["state"] is not None:
        transition(state, first["state"], first["at"])
        state = first["state"]
    for s in snaps[1:]:
        if s["sev"] is not None and s["sev"] != sev:
            sev = s["sev"]
            out.append(("severity_changed", s["at"], sev))
        if s["team"] is not None and s["team"] != team:
            team = s["team"]
            out.append(("assigned", s["at"], None))
        if s["state"] is not None:
            transition(state, s["state"], s["at"])
            state = s["state"]
    # SPEC 5: the same (id, type, instant) counts once, the first kept.
    seen, kept = set(), []
    for e in sorted(enumerate(out), key=lambda x: (x[1][1], x[0])):
        key = (e[1][0], e[1][1])
        if key not in seen:
            seen.add(key)
            kept.append(e[1])
    return kept


def replay(events, fig, lo, hi):
    """SPEC 5 on a 24x7 calendar: the resolution clock of one item."""
    kind, t0, sev = events[0]
    live, paused, acc, last = True, False, 0, t0
    if lo <= month(t0) <= hi:
        fig["opened"][(month(t0), sev)] = fig["opened"].get((month(t0), sev), 0) + 1
    pending = None          # (month, seconds, severity) of the latest end

    def commit():
        m, secs, s = pending
        if lo <= m <= hi:
            fig["ended"].setdefault((m, s), []).append(secs)

    for kind, t, val in events[1:]:
        if pending is not None and month(t) != pending[0]:
            commit()        # still ended when its month ended
            pending = None
        if live and not paused:
            acc += t - last
        last = t
        m = month(t)
        if kind == "paused":
            paused = True
        elif kind == "resumed":
            paused = False
        elif kind in ("resolved", "closed"):
            if kind == "resolved":
                fig["resolved_ev"][m] = fig["resolved_ev"].get(m, 0) + 1
            if live:
                live = False
                pending = (m, acc, sev)
            paused = False
        elif kind == "reopened":
            fig["reopened_ev"][m] = fig["reopened_ev"].get(m, 0) + 1
            paused = False
            if not live:
                live = True
                pending = None
        elif kind == "severity_changed":
            sev = val
    if pending is not None:
        commit()


def main():
    name, data, kpis_path, lo, hi = sys.argv[1:6]
    cfg = DATASETS[name]
    opener = gzip.open if data.endswith(".gz") else open
    items = {}
    own_reopens = {}        # ServiceNow's own reopen_count, for comparison only
    with opener(data, "rt", encoding="utf-8") as fp:
        for seq, line in enumerate(fp):
            r = json.loads(line)
            if r.get("reopen_count") is not None:
                own_reopens[r[cfg["id"]]] = max(own_reopens.get(r[cfg["id"]], 0),
                                                r["reopen_count"])
            team = r.get(cfg["team"]) or cfg["team_default"]
            st = r.get(cfg["state"])
            sev = r.get(cfg["severity"])
            oa = r.get(cfg["opened_at"]) if cfg["opened_at"] else None
            items.setdefault(r[cfg["id"]], []).append({
                "at": instant(r[cfg["at"]]), "seq": seq, "team": team,
                "sev": cfg["severity_map"].get(sev) if sev is not None else None,
                "state": cfg["state_map"].get(st) if st is not None else None,
                "opened_at": instant(oa) if oa else None})
    fig = {"opened": {}, "ended": {}, "resolved_ev": {}, "reopened_ev": {}}
    for snaps in items.values():
        snaps.sort(key=lambda s: (s["at"], s["seq"]))
        replay(events_of(snaps, cfg), fig, lo, hi)

    with open(kpis_path, encoding="utf-8") as fp:
        kpis = json.load(fp)
    periods = {p["period"]: p for p in kpis["agreements"][0]["periods"]}
    bad = checked = 0

    def same(what, want, got):
        nonlocal bad, checked
        checked += 1
        if want != got:
            bad += 1
            print("%s: expected %s, got %s" % (what, want, got))

    months = sorted({m for (m, _) in fig["opened"]} | {m for (m, _) in fig["ended"]})
    same("months", [m for m in months if lo <= m <= hi],
         [m for m in sorted(periods) if m in months])
    for m in months:
        p = periods.get(m)
        if p is None:
            same(m, "a period", None)
            continue
        for row in p["severities"]:
            s = int(row["severity"])
            durations = sorted(fig["ended"].get((m, s), []))
            same("%s severity %d opened" % (m, s), fig["opened"].get((m, s), 0), row["opened"])
            same("%s severity %d resolved" % (m, s), len(durations), row["resolved"])
            median = durations[math.ceil(0.5 * len(durations)) - 1] if durations else None
            same("%s severity %d median_s" % (m, s), median, row["resolution"]["median_s"])
        res, reo = fig["resolved_ev"].get(m, 0), fig["reopened_ev"].get(m, 0)
        rate = p["reopen_rate"]
        same("%s reopen_rate (%d reopened / %d resolved events)" % (m, reo, res),
             round(reo / res, 9) if res else None,
             round(rate, 9) if rate is not None else None)
    total_reopened = sum(fig["reopened_ev"].get(m, 0) for m in months)
    own = (", the export's own reopen_count adds up to %d" % sum(own_reopens.values())
           if own_reopens else "")
    print("%s: %d items, %d months, %d reopened events%s; %d figures checked, %d differ"
          % (name, len(items), len(months), total_reopened, own, checked, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
