#!/usr/bin/env python3
"""Writes rubrics/odi-pathway.yaml and rubrics/samm.yaml from the published frameworks.

Reads only the realdata copy beside the checkout (see ../shared/realdata/SOURCES.md):
  maturity-models/odi-pathway/survey.xls       ODI Open Data Pathway survey (MIT, (c) ODI)
  maturity-models/owasp-samm-core/model/**.yml OWASP SAMM v2 core model (CC BY-SA 4.0)

Re-run from the repository root after a change to this script or to the sources:
    pip install xlrd pyyaml          # xlrd reads the old .xls format
    python3 tools/gen_framework_rubrics.py [REALDATA_DIR]   # default ../shared/realdata
then `cargo run -- rubric lint odi-pathway` and `... samm`, and the tests in
tests/integration/frameworks.rs, which recompute both frameworks' arithmetic from the sources.

How the sources become rubric keys (README, "The real frameworks"):
- Pathway: each activity is a staged dimension, each theme a group (`score: sum`), each
  question a criterion whose options are the survey's answers. A positive answer meets the
  criterion; a negative one does not and caps the activity at the answer's maturity score
  (option `level`). Pathway asks an activity's questions in order and stops at the first
  negative answer (the web application's Activity#next_question_for), so every question after
  the first of its activity `applies_when` the one before it was answered positively. A
  criterion's `level` is one above the highest score its negative answers give, so the staged
  rule and the caps agree and the question that stopped a chain is a gap up to level 5.
  Each answer's improvement texts, joined, are its option `action`.
- SAMM: each practice is a points dimension, each business function a group (`score: mean`),
  each question a criterion worth 0.5 points whose options are its answer set (credit 0, 0.25,
  0.5, 1). A practice's points are then sum over levels of the mean of its two streams' answers,
  the SAMM practice score (0 to 3).
"""

import collections
import json
import os
import re
import sys

import xlrd
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def clean(s):
    """Trims, folds runs of blanks, drops the survey's one HTML tag pair (<i>de facto</i>)."""
    s = re.sub(r"</?i>", "", str(s))
    return re.sub(r"[ \t]+", " ", s).strip()


# ---------------------------------------------------------------------------------------------
# ODI Open Data Pathway

# Short dimension ids for the activities (the survey names them only by title), and the themes'.
ACTIVITY_IDS = {
    "Data release process": "REL",
    "Standards development & adoption": "STD",
    "Data governance": "GOV",
    "Managing sensitive data": "SEN",
    "Open data expertise": "EXP",
    "Knowledge management": "KNM",
    "Engagement process": "ENG",
    "Open data documentation": "DOC",
    "Re-user support processes": "SUP",
    "Community norms": "COM",
    "Financial oversight": "FIN",
    "Dataset valuation process": "VAL",
    "Open data in procurement": "PRO",
    "Open data strategy": "STR",
    "Asset catalogue": "CAT",
}
THEME_IDS = {
    "Data management processes": "data-management",
    "Knowledge & skills": "knowledge-skills",
    "Customer support & engagement": "customer-support",
    "Investment & financial performance": "investment",
    "Strategic oversight": "strategic-oversight",
}
# The improvements sheet files two texts under `Q82.3`, an answer that does not exist; both are
# about Q83 ("a review process that looks for efficiency savings by reducing overlaps between
# assets"), whose negative answer Q83.2 has none. They are attached to Q83.2.
MISFILED_IMPROVEMENTS = {"Q82.3": "Q83.2"}


def pathway(realdata):
    book = xlrd.open_workbook(os.path.join(realdata, "maturity-models/odi-pathway/survey.xls"))
    themes = collections.OrderedDict()
    for r in range(1, book.sheet_by_name("activities").nrows):
        theme, activity = book.sheet_by_name("activities").row_values(r)[:2]
        themes.setdefault(theme, []).append(activity)

    sheet = book.sheet_by_name("questions")
    questions, current = [], None
    for r in range(1, sheet.nrows):
        row = sheet.row_values(r)
        if row[0]:
            current = {"id": row[0], "activity": row[2], "text": clean(row[3]), "notes": clean(row[4]), "answers": []}
            questions.append(current)
        assert row[8] in ("Y", "N"), row
        score = None if row[9] == "" else int(row[9])
        assert row[8] == "Y" or score is not None, f"negative answer {row[6]} without a score"
        current["answers"].append({"id": row[6], "text": clean(row[7]), "positive": row[8] == "Y", "score": score})

    improvements = collections.defaultdict(list)
    sheet = book.sheet_by_name("improvements")
    for r in range(1, sheet.nrows):
        row = sheet.row_values(r)
        improvements[MISFILED_IMPROVEMENTS.get(row[1], row[1])].append(clean(row[2]))
    answer_ids = {a["id"] for qn in questions for a in qn["answers"]}
    assert set(improvements) <= answer_ids, set(improvements) - answer_ids

    by_activity = collections.OrderedDict((a, []) for acts in themes.values() for a in acts)
    for qn in questions:
        by_activity[qn["activity"]].append(qn)

    out = []
    w = out.append
    w("# yaml-language-server: $schema=../schemas/rubric.schema.json")
    w("# odi-pathway: the ODI Open Data Pathway self-assessment survey, complete (theodi/pathway,")
    w("# survey/survey.xls, MIT licence, (c) Open Data Institute): 15 activities in 5 themes, 83")
    w("# questions with their answers and the improvement advice for each answer, as published.")
    w("# Two slips of the source are corrected: the improvements filed under `Q82.3`, an answer that")
    w("# does not exist, are Q83.2's; and the questions follow the Pathway application, which asks an")
    w("# activity's questions in order (the sheet's Dependency column puts Q57 after Q56 of another")
    w("# activity and Q49 after nothing).")
    w("# GENERATED by tools/gen_framework_rubrics.py from ../shared/realdata: edit the script, not this.")
    w("dgmat: 1")
    w("kind: rubric")
    w("id: odi-pathway")
    w('version: "2026.2"')
    w('title: "ODI Open Data Pathway"')
    w("description: >-")
    w("  The Open Data Institute's Open Data Pathway (2015): a self-assessment of how an organisation")
    w("  publishes and re-uses open data, in five themes and fifteen activities. Within an activity the")
    w("  questions are asked in order until the first negative answer, whose maturity score (1-4) is the")
    w("  activity's level; an activity answered positively throughout is at level 5. A theme's score is")
    w("  the sum of its activities' levels. Questions, answers and improvements are Pathway's own")
    w("  (theodi/pathway, survey/survey.xls, MIT licence).")
    w("")
    w("levels:")
    w('  - {level: 1, name: Initial, description: "Open data work is ad hoc and depends on individuals."}')
    w('  - {level: 2, name: Repeatable, description: "Some practices are repeated, but not yet organisation-wide."}')
    w('  - {level: 3, name: Defined, description: "Documented processes are adopted across the organisation."}')
    w('  - {level: 4, name: Managed, description: "Processes are monitored against metrics and targets."}')
    w('  - {level: 5, name: Optimising, description: "Metrics drive continuous improvement and innovation."}')
    w("")
    w("scoring:")
    w("  method: staged")
    w("  level_threshold: 1.0")
    w("  # Pathway scores activities and themes, never the organisation as a whole.")
    w("  overall: none")
    w("")
    w("targets:")
    w('  - {id: defined, title: "Every activity at Defined (3)", level: 3}')
    w('  - {id: optimising, title: "Every activity at Optimising (5)", level: 5}')
    w("default_target: defined")
    w("")
    w("# Pathway's themes; a theme's score is the sum of its activities' levels (5 to 25 for four).")
    w("groups:")
    for theme, acts in themes.items():
        dims = ", ".join(ACTIVITY_IDS[a] for a in acts)
        w(f"  - {{id: {THEME_IDS[theme]}, name: {q(theme)}, dimensions: [{dims}], score: sum}}")
    w("")
    w("dimensions:")
    for theme, acts in themes.items():
        for activity in acts:
            w(f"  - id: {ACTIVITY_IDS[activity]}")
            w(f"    name: {q(activity)}")
            w(f"    description: {q('Pathway theme: ' + theme)}")
            w("    criteria:")
            previous = None
            for qn in by_activity[activity]:
                negative = [a["score"] for a in qn["answers"] if not a["positive"]]
                positive = [a for a in qn["answers"] if a["positive"]]
                w(f"      - id: {qn['id']}")
                w(f"        level: {max(negative) + 1}")
                w(f"        title: {q(qn['text'])}")
                w(f"        question: {q(qn['text'])}")
                if qn["notes"]:
                    w(f"        guidance: {q(qn['notes'])}")
                if previous is not None:
                    ok = [a["id"] for a in previous["answers"] if a["positive"]]
                    cond = f'answers.{previous["id"]} == {q(ok[0])}' if len(ok) == 1 else (
                        f'answers.{previous["id"]} in [{", ".join(q(v) for v in ok)}]')
                    w(f"        applies_when: {q(cond)}")
                w("        answer:")
                w("          type: choice")
                w("          options:")
                for a in qn["answers"]:
                    parts = [f"value: {q(a['id'])}", f"label: {q(a['text'])}", f"credit: {1 if a['positive'] else 0}"]
                    if not a["positive"]:
                        parts.append(f"level: {a['score']}")
                    if improvements.get(a["id"]):
                        parts.append(f"action: {q(' '.join(improvements[a['id']]))}")
                    w("            - {" + ", ".join(parts) + "}")
                aim = " Or: ".join(a["text"] for a in positive)
                w(f"        action: {q('Work towards the answer: ' + aim)}")
                w(f'        references: ["ODI Open Data Pathway survey, question {qn["id"]}"]')
                previous = qn
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# OWASP SAMM v2


def samm(realdata):
    model = os.path.join(realdata, "maturity-models/owasp-samm-core/model")

    def load(folder):
        docs = []
        for name in sorted(os.listdir(os.path.join(model, folder))):
            with open(os.path.join(model, folder, name), encoding="utf-8") as f:
                # BaseLoader: every scalar stays text, so the answer "No" is not YAML 1.1's false.
                docs.append(yaml.load(f, Loader=yaml.BaseLoader))
        return docs

    functions = sorted(load("business_functions"), key=lambda d: int(d["order"]))
    practices = load("security_practices")
    streams = {d["id"]: d for d in load("streams")}
    levels = {d["id"]: d for d in load("practice_levels")}
    maturity = {d["id"]: int(d["number"]) for d in load("maturity_levels")}
    activities = {d["id"]: d for d in load("activities")}
    answer_sets = {d["id"]: d for d in load("answer_sets")}
    questions = load("questions")

    out = []
    w = out.append
    w("# yaml-language-server: $schema=../schemas/rubric.schema.json")
    w("# samm: the OWASP Software Assurance Maturity Model v2 (owaspsamm/core, model/, CC BY-SA 4.0,")
    w("# (c) OWASP SAMM project), complete: 5 business functions, 15 security practices, 30 streams,")
    w("# 3 maturity levels, one question per activity (90) with its answer set. Adapted into dgmat's")
    w("# rubric format; this file is shared under the same licence (CC BY-SA 4.0).")
    w("# GENERATED by tools/gen_framework_rubrics.py from ../shared/realdata: edit the script, not this.")
    w("dgmat: 1")
    w("kind: rubric")
    w("id: samm")
    w('version: "2.0"')
    w('title: "OWASP Software Assurance Maturity Model (SAMM) v2"')
    w("description: >-")
    w("  OWASP SAMM v2 self-assessment of software security. Each practice has two streams (A and B)")
    w("  of three maturity levels, one activity and one question each; answers are worth 0, 0.25, 0.5")
    w("  or 1. A practice's score (0 to 3) is the sum over its levels of the mean of the two streams'")
    w("  answers: every question is worth 0.5 points here, so a practice's points are its SAMM score.")
    w("  A business function's score is the mean of its practices' scores. Levels map the practice")
    w("  score onto five steps: 0, started, SAMM level 1 (score 1 or more), 2 and 3. Text from")
    w("  owaspsamm/core (CC BY-SA 4.0).")
    w("")
    w("levels:")
    desc = {int(d["number"]): clean(d["description"]) for d in load("maturity_levels")}
    w('  - {level: 1, name: "SAMM 0", description: "No activity of the practice is in place (score 0)."}')
    w('  - {level: 2, name: "SAMM 0+", description: "Some activities are started, below SAMM level 1 (score above 0, below 1)."}')
    w(f'  - {{level: 3, name: "SAMM 1", description: {q(desc[1] + " (Score 1 or more.)")}}}')
    w(f'  - {{level: 4, name: "SAMM 2", description: {q(desc[2] + " (Score 2 or more.)")}}}')
    w(f'  - {{level: 5, name: "SAMM 3", description: {q(desc[3] + " (Score 3.)")}}}')
    w("")
    w("scoring:")
    w("  method: points")
    w("  # Share of a practice's 3 points: 1 = score 3, 2/3 = score 2, 1/3 = score 1; the smallest")
    w("  # score above 0 is 0.125 (one answer of 0.25, halved), a share of 1/24.")
    w("  bands:")
    w("    - {level: 5, min: 1.0}")
    w("    - {level: 4, min: 0.6666}")
    w("    - {level: 3, min: 0.3333}")
    w("    - {level: 2, min: 0.04}")
    w("")
    w("targets:")
    w('  - {id: samm-1, title: "Every practice at SAMM level 1", level: 3}')
    w('  - {id: samm-2, title: "Every practice at SAMM level 2", level: 4}')
    w('  - {id: samm-3, title: "Every practice at SAMM level 3", level: 5}')
    w("default_target: samm-1")
    w("")
    w("# SAMM's business functions; a function's score is the mean of its practices' scores.")
    w("groups:")
    ordered = []
    for f in functions:
        ps = sorted((p for p in practices if p["function"] == f["id"]), key=lambda p: int(p["order"]))
        ids = [f"{f['name'][0]}-{p['shortName']}" for p in ps]
        ordered.append((f, ps, ids))
        w(f"  - {{id: {f['name'].lower()}, name: {q(f['name'])}, dimensions: [{', '.join(ids)}], score: mean}}")
    w("")
    w("dimensions:")
    count = 0
    for f, ps, ids in ordered:
        for p, pid in zip(ps, ids):
            w(f"  - id: {pid}")
            w(f"    name: {q(p['name'])}")
            w(f"    description: {q(clean(p['shortDescription']) + ' (Business function: ' + f['name'] + '.)')}")
            w("    criteria:")
            rows = []
            for qu in questions:
                a = activities[qu["activity"]]
                s = streams[a["stream"]]
                if s["practice"] != p["id"]:
                    continue
                rows.append((maturity[levels[a["level"]]["maturityLevel"]], s["letter"], qu, a, s))
            rows.sort(key=lambda r: (r[0], r[1]))
            assert len(rows) == 6, (pid, len(rows))
            for level, letter, qu, a, s in rows:
                cid = f"{pid}-{level}-{letter}"
                count += 1
                w(f"      - id: {cid}")
                w("        points: 0.5")
                w(f"        title: {q(clean(a['title']))}")
                w(f"        question: {q(clean(qu['text']))}")
                quality = [clean(x) for x in (qu.get("quality") or [])]
                if quality:
                    w(f"        guidance: {q('Counts when: ' + '; '.join(quality) + '.')}")
                w("        answer:")
                w("          type: choice")
                w("          options:")
                values = sorted(answer_sets[qu["answerSet"]]["values"], key=lambda v: int(v["order"]))
                assert [v["value"] for v in values] == ["0", "0.25", "0.5", "1"], values
                for v in values:
                    w(f"            - {{value: {q(v['value'])}, label: {q(clean(v['text']))}, credit: {v['value']}}}")
                w(f"        action: {q(clean(a['shortDescription']))}")
                w(f'        references: ["OWASP SAMM v2 {p["name"]}, stream {letter} ({clean(s["name"])}), level {level}"]')
    assert count == 90, count
    return "\n".join(out) + "\n"


def main():
    realdata = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "../shared/realdata")
    for name, text in [("odi-pathway.yaml", pathway(realdata)), ("samm.yaml", samm(realdata))]:
        with open(os.path.join(ROOT, "rubrics", name), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote rubrics/{name}")


if __name__ == "__main__":
    main()
