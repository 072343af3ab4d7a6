"""Make the demo data in `data/demo/`: a year of one fictional SaaS company's customers.

Deterministic (one seeded generator, a fixed calendar), so the committed files can be regenerated
byte for byte with `python -m empathy.loading.demo_generator`. The data is made to tell stories a board
would act on:

- billing complaints from SMB accounts rise over the last two months, and SMB scores sag with them;
- a group of enterprise accounts stop answering surveys and rush the ones they do answer, and call
  less, while their scores still look fine (disengagement hiding behind good numbers);
- a few accounts call support every week of the last four (yellow), a few have the most escalations (red);
- some Korean customers write and speak in Korean;
- a few internal customers (our own teams) use the product too;
- now and then a customer writes their name, e-mail, phone, card or account number (to redact);
- every paying account renewed once in the year; some went through trouble (a run of support calls,
  escalations) in the months before, and those, like the story accounts, churn or downgrade more
  often, but not always, and some calm accounts leave too.

Nearly 500 lines on purpose: one seeded random stream runs through it from top to bottom (the order
of the draws is the data), so its steps stay together where a change to the stream can be seen; a
call's words and a comment's are drawn from a stream of their own (the call's number, the response's
id), so the phrase banks they draw from, `demo_texts.py`, can change without moving anything else."""

from __future__ import annotations

import csv
import random
import re
from datetime import date, datetime, timedelta
from pathlib import Path

from stdnum import luhn

from empathy import DATA
from empathy.loading.demo_texts import (
    CONTACT_FIRST,
    CONTACT_LAST,
    ENGLISH_CALL,
    ENGLISH_COMMENTS,
    KOREAN_CALL,
    KOREAN_COMMENTS,
    KOREAN_CONTACTS,
    NEGATIVE,
    PERSONAL_COMMENTS,
    PERSONAL_INTROS,
    PHONES,
    CallWords,
    CommentWords,
)

DEMO_DIR = DATA / "demo"
FIRST_WEEK = date(2025, 11, 24)  # a Monday
WEEKS = 52  # the last week ends on Sunday 2026-11-22
STORY_WEEKS = 9  # "the last two months"
SEED = 20261122

SEGMENTS = {"Enterprise": 24, "Mid-Market": 40, "SMB": 56}
REGIONS = ["North America", "EMEA", "APAC", "LATAM"]
INDUSTRIES = ["Software", "Retail", "Healthcare", "Financial Services", "Manufacturing", "Education",
              "Logistics", "Media"]
PLANS = {"Enterprise": ["Enterprise", "Enterprise Plus"], "Mid-Market": ["Business", "Growth"],
         "SMB": ["Starter", "Growth"]}
ARR = {"Enterprise": (220_000, 1_400_000), "Mid-Market": (45_000, 220_000), "SMB": (4_000, 45_000)}
OWNERS = ["Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Tomás Ferreira", "Hana Kim",
          "Lukas Becker", "Aisha Bello", "Chloé Martin", "Ben Okafor", "Sofia Lindqvist"]
AGENTS = ["Jordan", "Mei", "Alex", "Ravi", "Sam", "Elena", "Kofi", "Noor", "Pat", "Yuna", "Diego", "Ines"]
ROLES = ["decision maker", "administrator", "end user"]
NAME_FIRST = ["North", "Blue", "Silver", "Bright", "Cedar", "Harbor", "Summit", "Maple", "Iron", "Clear",
              "Red", "Granite", "Willow", "Atlas", "Pioneer", "Lumen", "Orchard", "Beacon", "Kestrel",
              "Quarry", "Meridian", "Juniper", "Copper", "Falcon", "Tidal", "Vantage", "Hollow", "Ember"]
NAME_SECOND = ["wind", "bird", "stone", "field", "line", "point", "gate", "brook", "works", "path",
               "ridge", "leaf", "crest", "bay", "forge", "spring"]
NAME_SUFFIX = ["Analytics", "Health", "Logistics", "Retail", "Labs", "Foods", "Media", "Capital",
               "Manufacturing", "Learning", "Systems", "Outfitters", "Clinics", "Freight", "Studios"]
KOREAN_ACCOUNTS = ["Hanbit Logistics", "Seoul Mobility", "Daon Retail", "Mirae Health Systems"]
INTERNAL_ACCOUNTS = ["Internal — Finance Ops", "Internal — Sales Enablement", "Internal — IT Service Desk"]

SLOTS = {
    "invoice": lambda r: f"INV-{r.randint(20000, 99999)}",
    "amount": lambda r: f"${r.choice([49, 99, 180, 240, 310, 450, 720, 1200, 2400])}",
    "seats": lambda r: str(r.choice([3, 5, 8, 12, 20, 35, 60])),
    "days": lambda r: str(r.choice([2, 3, 4, 5, 6, 9, 10, 14])),
    "hours": lambda r: str(r.choice([2, 3, 4, 6, 8, 12, 18, 36])),
    "feature": lambda r: r.choice(["the dashboard builder", "scheduled exports", "the audit log",
                                   "bulk user import", "the mobile app", "custom fields",
                                   "the approvals workflow", "saved views", "the API", "SSO login"]),
    "integration": lambda r: r.choice(["Salesforce", "HubSpot", "Slack", "Jira", "NetSuite", "Zendesk",
                                       "Snowflake", "Microsoft Teams", "QuickBooks", "Okta"]),
    "weekday": lambda r: r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    "month": lambda r: r.choice(["last month", "this month", "in the last cycle", "twice this quarter"]),
    "team": lambda r: r.choice(["finance", "operations", "customer success", "sales", "HR", "IT",
                                "marketing", "procurement", "support", "analytics"]),
    "agent_name": lambda r: r.choice(AGENTS),
    "period": lambda r: r.choice(["month", "quarter", "week", "cycle"]),
    "years": lambda r: r.choice(["two", "three", "four", "five", "six"]),
    "renewal": lambda r: r.choice(["January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"]),
    "region": lambda r: r.choice(["London", "Toronto", "Austin", "Berlin", "Singapore", "São Paulo",
                                  "Sydney", "Chicago", "Madrid", "Seoul"]),
}


def fill(template: str, rng: random.Random, **known: str) -> str:
    """The template with its slots filled; a slot that opens it opens a sentence (The API keeps crashing)."""
    values = {name: make(rng) for name, make in SLOTS.items() if "{" + name + "}" in template}
    values.update(known)
    text = template.format(**values)
    return text[:1].upper() + text[1:] if template.startswith("{") else text


def make_accounts(rng: random.Random) -> list[dict]:
    accounts, used = [], set()
    number = 1001
    for segment, count in SEGMENTS.items():
        for _ in range(count):
            name = _company_name(rng, used)
            low, high = ARR[segment]
            accounts.append({
                "account_id": f"A{number}", "account_name": name, "segment": segment,
                "region": rng.choice(REGIONS), "industry": rng.choice(INDUSTRIES),
                "plan": rng.choice(PLANS[segment]), "arr": round(rng.uniform(low, high), -2),
                "owner": rng.choice(OWNERS), "customer_type": "external",
            })
            number += 1
    for account, korean in zip(rng.sample([a for a in accounts if a["segment"] != "SMB"], 4), KOREAN_ACCOUNTS):
        account.update(account_name=korean, region="APAC")
    for account, internal in zip(rng.sample([a for a in accounts if a["segment"] == "Mid-Market"], 3),
                                 INTERNAL_ACCOUNTS):
        account.update(account_name=internal, customer_type="internal", arr=0.0)
    return accounts


def _company_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(NAME_FIRST)}{rng.choice(NAME_SECOND)} {rng.choice(NAME_SUFFIX)}"
        if name not in used:
            used.add(name)
            return name


def pick_story_accounts(rng: random.Random, accounts: list[dict]) -> dict[str, set[str]]:
    external = [a for a in accounts if a["customer_type"] == "external" and a["account_name"] not in KOREAN_ACCOUNTS]
    enterprise = [a["account_id"] for a in external if a["segment"] == "Enterprise"]
    others = [a["account_id"] for a in external if a["segment"] != "Enterprise"]
    disengaging = set(rng.sample(enterprise, 5))
    red = set(rng.sample([a for a in enterprise if a not in disengaging], 2)) | set(rng.sample(others, 1))
    frequent = set(rng.sample([a for a in others if a not in red], 5))
    return {"disengaging": disengaging, "red": red, "frequent": frequent,
            "korean": {a["account_id"] for a in accounts if a["account_name"] in KOREAN_ACCOUNTS}}


def week_start(week: int) -> date:
    return FIRST_WEEK + timedelta(weeks=week)


def in_story(week: int) -> float:
    """0 before the story window, rising to 1 in the last week."""
    start = WEEKS - STORY_WEEKS
    return 0.0 if week < start else (week - start + 1) / STORY_WEEKS


def fade(week: int) -> float:
    """How far a disengaging account has gone: it slips fast once the story starts."""
    return min(1.0, 1.6 * in_story(week))


def comment_for(words: random.Random, account: dict, week: int, mood: float, stories: dict) -> str:
    """A comment; mood is 0 (angry) .. 1 (delighted). A Korean account's customers mostly write in Korean."""
    said = KOREAN_COMMENTS if account["account_id"] in stories["korean"] and words.random() < 0.7 else ENGLISH_COMMENTS
    if mood > 0.72:
        return _compose(words, fill(words.choice(said.positive), words), said, said.closers_good)
    if mood > 0.5:
        return _compose(words, fill(words.choice(said.neutral), words), said, [])
    theme = _negative_theme(words, account, week)
    text = fill(words.choice(said.negative[theme]), words)
    if words.random() < 0.35:
        extra_theme = words.choice([t for t in said.negative if t != theme])
        text += " " + fill(words.choice(said.negative[extra_theme]), words)
    return _compose(words, text, said, said.closers_bad)


def _compose(words: random.Random, core: str, said: CommentWords, closers: list[str]) -> str:
    """A core sentence, sometimes with some context around it and a closing word, as people write."""
    parts = [core]
    if words.random() < 0.4:
        parts.insert(words.choice([0, 1]), fill(words.choice(said.context), words))
    if closers and words.random() < 0.3:
        parts.append(words.choice(closers))
    return " ".join(parts)


def _negative_theme(rng: random.Random, account: dict, week: int) -> str:
    billing_share = 0.10 + (0.55 * in_story(week) if account["segment"] == "SMB" else 0.0)
    if rng.random() < billing_share:
        return "billing"
    return rng.choice([t for t in NEGATIVE if t != "billing"])


def account_mood(rng: random.Random, account: dict, week: int, stories: dict) -> float:
    base = {"Enterprise": 0.70, "Mid-Market": 0.64, "SMB": 0.62}[account["segment"]]
    if account["segment"] == "SMB":
        base -= 0.22 * in_story(week)
    if account["account_id"] in stories["disengaging"]:
        base = 0.9
    if account["account_id"] in stories["red"]:
        base -= 0.18
    return min(1.0, max(0.0, rng.gauss(base, 0.2)))


def score_for(metric: str, mood: float, rng: random.Random) -> int:
    """A score for a mood; a typical B2B mood (about 0.65) gives a 9 on NPS, a 4 on CSAT, a 5 on CES."""
    jitter = rng.uniform(-0.06, 0.06)
    level = min(0.999, max(0.0, mood + jitter))
    if metric == "nps":
        return min(10, int(level * 11 + 1.5))
    if metric == "csat":
        return min(5, 1 + int(level * 5 + 0.5))
    return min(7, 1 + int(level * 7 + 0.5))


def make_surveys(rng: random.Random, accounts: list[dict], stories: dict) -> tuple[list[dict], list[dict]]:
    invites = {"Enterprise": {"nps": 4, "csat": 2, "ces": 2}, "Mid-Market": {"nps": 2, "csat": 1, "ces": 1},
               "SMB": {"nps": 1, "csat": 1, "ces": 1}}
    responses, participation = [], []
    number = 1
    for week in range(WEEKS):
        monday = week_start(week)
        for account in accounts:
            disengaging = account["account_id"] in stories["disengaging"]
            for metric, base in invites[account["segment"]].items():
                invited = base + (1 if rng.random() < 0.3 else 0)
                rate = 0.5 if not disengaging else 0.55 - 0.47 * fade(week)
                responded = sum(1 for _ in range(invited) if rng.random() < rate)
                participation.append({"period_start": monday.isoformat(), "account_id": account["account_id"],
                                      "metric": metric, "invited": invited, "responded": responded})
                for _ in range(responded):
                    responses.append(_response(rng, account, week, metric, stories, number))
                    number += 1
    return responses, participation


def _response(rng: random.Random, account: dict, week: int, metric: str, stories: dict, number: int) -> dict:
    moment = datetime.combine(week_start(week), datetime.min.time()) + timedelta(
        days=rng.randint(0, 6), hours=rng.randint(7, 19), minutes=rng.randint(0, 59))
    mood = account_mood(rng, account, week, stories)
    disengaging = account["account_id"] in stories["disengaging"]
    if disengaging and in_story(week) > 0:
        duration = max(1.0, rng.gauss(3 + 35 * (1 - fade(week)), 1.5))
    else:
        duration = max(4.0, rng.lognormvariate(4.0, 0.5))
    comment = ""
    if rng.random() < (0.25 if disengaging and in_story(week) > 0 else 0.55):
        words = random.Random(f"R{number:06d}")  # what is written is drawn apart: the rest never moves with it
        comment = comment_for(words, account, week, mood, stories)
    role_weights = [0.2, 0.3, 0.5] if account["segment"] != "SMB" else [0.5, 0.3, 0.2]
    return {
        "response_id": f"R{number:06d}", "account_id": account["account_id"],
        "respondent_role": rng.choices(ROLES, role_weights)[0],
        "submitted_at": moment.strftime("%Y-%m-%d %H:%M:%S"), "metric": metric,
        "score": score_for(metric, mood, rng), "comment": comment,
        "duration_seconds": round(duration, 1), "channel": rng.choice(["email", "in-app", "web"]),
    }


def make_calls(rng: random.Random, accounts: list[dict], stories: dict) -> list[dict]:
    weekly_rate = {"Enterprise": 0.5, "Mid-Market": 0.34, "SMB": 0.22}
    propensity = {a["account_id"]: rng.uniform(0.6, 1.4) for a in accounts}
    calls = []
    number = 1
    for week in range(WEEKS):
        for account in accounts:
            aid = account["account_id"]
            rate = weekly_rate[account["segment"]] * propensity[aid]
            if aid in stories["disengaging"]:
                rate *= 1 - 0.7 * fade(week)  # they stop calling as they stop answering
            count = sum(1 for _ in range(3) if rng.random() < rate / 3)
            recent = week >= WEEKS - 6
            if aid in stories["frequent"] and week >= WEEKS - 4:  # inside the rules' 30 days, not their baseline
                count = 1 + (rng.random() < 0.6) + (rng.random() < 0.3)
            if aid in stories["red"] and recent:
                count = max(count, 1) + 1
            for _ in range(count):
                calls.append(_call(rng, account, week, stories, number, recent))
                number += 1
    return calls


def _call(rng: random.Random, account: dict, week: int, stories: dict, number: int, recent: bool) -> dict:
    aid = account["account_id"]
    started = datetime.combine(week_start(week), datetime.min.time()) + timedelta(
        days=rng.randint(0, 4), hours=rng.randint(8, 17), minutes=rng.randint(0, 59))
    agent = rng.choice(AGENTS)
    red = aid in stories["red"] and recent
    escalated = red and rng.random() < 0.8 or (not red and rng.random() < 0.05)
    resolved = not escalated and rng.random() < 0.85
    mood = account_mood(rng, account, week, stories)
    story = recent and (aid in stories["frequent"] or aid in stories["red"])
    call_type = "support" if story else rng.choices(["support", "success", "sales"], [0.62, 0.22, 0.16])[0]
    words = random.Random(number)  # what is said is drawn apart: the rest of the demo never moves with it
    said = KOREAN_CALL if aid in stories["korean"] and rng.random() < 0.5 else ENGLISH_CALL
    transcript = _transcript(words, account, week, agent, mood, resolved, escalated, said) \
        if call_type == "support" else _check_in_transcript(words, agent, mood, said)
    return {
        "call_id": f"C{number:06d}", "account_id": aid, "started_at": started.strftime("%Y-%m-%d %H:%M:%S"),
        "call_type": call_type, "channel": rng.choice(["phone", "phone", "video"]), "agent": agent,
        "escalated": "yes" if escalated else "no", "resolved": "yes" if resolved else "no",
        "transcript": transcript,
    }


def _transcript(words: random.Random, account: dict, week: int, agent: str, mood: float, resolved: bool,
                escalated: bool, said: CallWords) -> str:
    theme = _negative_theme(words, account, week)
    turns = [("Agent", fill(words.choice(said.openings), words, agent=agent)),
             ("Customer", fill(words.choice(said.problems[theme]), words)),
             ("Agent", words.choice(said.probes)),
             ("Customer", fill(words.choice(said.details), words))]
    if words.random() < 0.4:
        turns += [("Agent", words.choice(said.probes)), ("Customer", fill(words.choice(said.details), words))]
    turns.append(("Agent", fill(words.choice(said.fixes if resolved else said.escalations), words)))
    happy = resolved and not escalated and mood > 0.35
    turns.append(("Customer", fill(words.choice(said.good_endings if happy else said.bad_endings), words)))
    turns.append(("Agent", words.choice(said.agent_closings)))
    rendered = _render(words, turns)
    return _then(rendered, "Customer", words.choice(said.customer_closings), words) if happy else rendered


def _then(rendered: str, speaker: str, said: str, words: random.Random) -> str:
    """One more turn after a rendered transcript, its timestamp (if it has them) a little later."""
    last = re.match(r"\[(\d\d):(\d\d):(\d\d)\] ", rendered.rsplit("\n", 1)[-1])
    if last is None:
        return f"{rendered}\n{speaker}: {said}"
    seconds = int(last[1]) * 3600 + int(last[2]) * 60 + int(last[3]) + words.randint(6, 45)
    return f"{rendered}\n[{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}] {speaker}: {said}"


def _check_in_transcript(words: random.Random, agent: str, mood: float, said: CallWords) -> str:
    turns = [("Agent", fill(words.choice(said.check_in_openings), words, agent=agent)),
             ("Customer", fill(words.choice(said.check_in_customer), words)),
             ("Agent", words.choice(said.check_in_agent)),
             ("Customer", words.choice(said.check_in_good_endings if mood > 0.35 else said.check_in_bad_endings))]
    return _render(words, turns)


def _render(rng: random.Random, turns: list[tuple[str, str]]) -> str:
    """Half the transcripts carry [hh:mm:ss] timestamps, as call tools export them."""
    stamped = rng.random() < 0.5
    seconds, lines = 0, []
    for speaker, text in turns:
        prefix = f"[{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}] " if stamped else ""
        lines.append(f"{prefix}{speaker}: {text}")
        seconds += rng.randint(6, 45)
    return "\n".join(lines)


def add_personal_details(accounts: list[dict], responses: list[dict], calls: list[dict]) -> None:
    """Contacts for every account, and their names, e-mails, phone, card and account numbers in a
    few comments and calls, as real exports have them. A separate random stream, so the stories
    above do not move."""
    rng = random.Random(SEED + 1)
    for account in accounts:
        korean = account["account_name"] in KOREAN_ACCOUNTS
        names = rng.sample(KOREAN_CONTACTS, 2) if korean else \
            [f"{rng.choice(CONTACT_FIRST)} {rng.choice(CONTACT_LAST)}" for _ in range(rng.randint(2, 3))]
        account["contacts"] = "; ".join(dict.fromkeys(names))
    by_id = {a["account_id"]: a for a in accounts}
    for response in responses:
        account = by_id[response["account_id"]]
        if response["comment"] and account["account_name"] not in KOREAN_ACCOUNTS and rng.random() < 0.04:
            detail = _personal(rng, rng.choice(PERSONAL_COMMENTS), account)
            response["comment"] = f"{response['comment']} {detail}"
    for call in calls:
        account = by_id[call["account_id"]]
        marker = "Customer: "
        if account["account_name"] in KOREAN_ACCOUNTS or marker not in call["transcript"] or rng.random() >= 0.06:
            continue
        at = call["transcript"].index(marker) + len(marker)
        intro = _personal(rng, rng.choice(PERSONAL_INTROS), account)
        call["transcript"] = call["transcript"][:at] + intro + call["transcript"][at:]


def _personal(rng: random.Random, template: str, account: dict) -> str:
    name = rng.choice(account["contacts"].split("; "))
    first, last = name.split(" ", 1)
    domain = re.sub(r"[^a-z]", "", account["account_name"].lower()) + ".com"
    return template.format(
        name=name, first=first, company=account["account_name"],
        email=f"{first.lower()}.{last.lower()}@{domain}",
        phone=rng.choice(PHONES).format(n=rng.randint(100, 199)),
        number=f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-{rng.randint(10, 99)}",
        card=_card_number(rng))


def _card_number(rng: random.Random) -> str:
    """A 16-digit number that passes the Luhn check, as a real card number does, grouped in fours."""
    body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    text = body + luhn.calc_check_digit(body)
    return " ".join(text[i:i + 4] for i in range(0, 16, 4))


TROUBLED = 14  # accounts whose trouble came months before their renewal this year


def add_renewals(accounts: list[dict], stories: dict, calls: list[dict]) -> list[dict]:
    """One renewal per paying account in the demo year (its anniversary is the next one), and the
    calls of the troubled accounts' bad months. A random stream of its own, so nothing above moves.

    Outcomes follow trouble noisily: about 55% of troubled accounts churn or downgrade, against about
    13% of the others. Most story accounts renewed before their story began, so their next renewal
    is near: what the board's risk panel is for."""
    rng = random.Random(SEED + 2)
    paying = [a for a in accounts if a["customer_type"] == "external"]
    in_story_ids = set().union(stories["disengaging"], stories["red"], stories["frequent"])
    troubled = set(rng.sample([a["account_id"] for a in paying if a["account_id"] not in in_story_ids], TROUBLED))
    number = len(calls) + 1
    renewals = []
    for account in paying:
        aid = account["account_id"]
        if aid in troubled:
            renewal = week_start(0) + timedelta(days=rng.randint(*rng.choice([(150, 299), (300, 362)])))
            trouble = renewal - timedelta(days=rng.randint(45, 100))
            for day in range(0, 42, 4):
                if rng.random() < 0.7:
                    calls.append(_trouble_call(rng, account, trouble - timedelta(days=day), number))
                    number += 1
        elif aid in in_story_ids and rng.random() < 0.7:  # renewed before the story; the next one is near
            renewal = week_start(0) + timedelta(days=rng.randint(1, 85))
        else:
            renewal = week_start(0) + timedelta(days=rng.randint(1, 362))
        renewals.append(_renewal(rng, account, renewal, 0.55 if aid in troubled else 0.13))
    return sorted(renewals, key=lambda r: (r["renewal_date"], r["account_id"]))


def drop_after_churn(renewals: list[dict], *activity: list[dict]) -> None:
    """An account that churned answers no survey and makes no call after its renewal date."""
    gone = {r["account_id"]: r["renewal_date"] for r in renewals if r["outcome"] == "churned"}
    for rows in activity:
        rows[:] = [row for row in rows if row["account_id"] not in gone
                   or (row.get("submitted_at") or row.get("started_at") or row["period_start"])[:10]
                   <= gone[row["account_id"]]]


def _trouble_call(rng: random.Random, account: dict, day: date, number: int) -> dict:
    started = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(8, 17),
                                                                     minutes=rng.randint(0, 59))
    agent, escalated = rng.choice(AGENTS), rng.random() < 0.35
    resolved = not escalated and rng.random() < 0.5
    week = (day - FIRST_WEEK).days // 7
    return {
        "call_id": f"C{number:06d}", "account_id": account["account_id"],
        "started_at": started.strftime("%Y-%m-%d %H:%M:%S"), "call_type": "support",
        "channel": rng.choice(["phone", "phone", "video"]), "agent": agent,
        "escalated": "yes" if escalated else "no", "resolved": "yes" if resolved else "no",
        "transcript": _transcript(random.Random(number), account, week, agent, 0.15, resolved, escalated,
                                  ENGLISH_CALL),
    }


def _renewal(rng: random.Random, account: dict, day: date, bad: float) -> dict:
    """The accounts sheet holds today's ARR, so it is the ARR after the renewal; an account that
    churned has no activity after it, so churn is only drawn for renewals in the last two months (a bad
    renewal before then is a downgrade)."""
    arr = float(account["arr"])
    draw = rng.random()
    if draw < bad * 0.45 and day >= week_start(WEEKS - STORY_WEEKS):
        outcome, before, after = "churned", arr, 0.0
    elif draw < bad:
        outcome, before, after = "downgraded", round(arr / rng.uniform(0.45, 0.85), -2), arr
    elif draw < bad + (1 - bad) * 0.2:
        outcome, before, after = "expanded", round(arr / rng.uniform(1.1, 1.6), -2), arr
    else:
        outcome, before, after = "renewed", arr, arr
    return {"account_id": account["account_id"], "renewal_date": day.isoformat(), "outcome": outcome,
            "arr_before": before, "arr_after": after}


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def generate(out_dir: Path = DEMO_DIR) -> dict[str, int]:
    rng = random.Random(SEED)
    accounts = make_accounts(rng)
    stories = pick_story_accounts(rng, accounts)
    responses, participation = make_surveys(rng, accounts, stories)
    calls = make_calls(rng, accounts, stories)
    add_personal_details(accounts, responses, calls)
    renewals = add_renewals(accounts, stories, calls)
    drop_after_churn(renewals, responses, participation, calls)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {"accounts.csv": accounts, "survey_responses.csv": responses,
             "participation.csv": participation, "calls.csv": calls, "renewals.csv": renewals}
    for name, rows in files.items():
        write_csv(out_dir / name, rows)
    return {name: len(rows) for name, rows in files.items()}


if __name__ == "__main__":
    for name, count in generate().items():
        print(f"{name}: {count:,} rows")
