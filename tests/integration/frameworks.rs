//! The real frameworks shipped whole: the ODI Open Data Pathway survey (`odi-pathway`) and OWASP
//! SAMM v2 (`samm`). Each framework's own arithmetic is recomputed here, straight from the
//! published sources in `../shared/realdata/maturity-models` (see its SOURCES.md) and the
//! examples' answers, without dgmat's scoring code, and compared with what `dgmat assess`
//! reports. The rubrics' text is compared with the sources too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use calamine::{Data, Reader};
use serde_json::Value;

use super::{criteria_by_id, dgmat, stderr};

/// A path under `../shared/realdata/maturity-models`, or `None` (with a note) when it is absent.
fn source(path: &str) -> Option<PathBuf> {
    super::realdata(&format!("maturity-models/{path}"))
}

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn report(args: &[&str]) -> Value {
    let out = dgmat().arg("assess").args(args).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The survey's text as the rubric carries it: no `<i>` tags, runs of blanks folded, trimmed.
fn clean(s: &str) -> String {
    let mut out = String::new();
    for ch in s.replace("<i>", "").replace("</i>", "").chars() {
        let blank = ch == ' ' || ch == '\t';
        if !(blank && out.ends_with(' ')) {
            out.push(if blank { ' ' } else { ch });
        }
    }
    out.trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// ODI Open Data Pathway

struct Answer {
    id: String,
    text: String,
    positive: bool,
    score: Option<u8>,
}

struct Question {
    id: String,
    activity: String,
    text: String,
    answers: Vec<Answer>,
}

struct Survey {
    /// (theme, activity), in the survey's order.
    activities: Vec<(String, String)>,
    questions: Vec<Question>,
    /// Answer id -> improvement texts, as the sheet files them.
    improvements: BTreeMap<String, Vec<String>>,
}

fn cell(row: &[Data], i: usize) -> String {
    row.get(i).map(|c| c.to_string()).unwrap_or_default()
}

fn survey() -> Option<Survey> {
    let path = source("odi-pathway/survey.xls")?;
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let rows = |book: &mut calamine::Sheets<_>, name: &str| -> Vec<Vec<Data>> {
        let range = book.worksheet_range(name).unwrap();
        range.rows().skip(1).map(<[Data]>::to_vec).collect()
    };
    let activities = rows(&mut book, "activities").iter().map(|r| (cell(r, 0), cell(r, 1))).collect();
    let mut questions: Vec<Question> = Vec::new();
    for r in rows(&mut book, "questions") {
        if !cell(&r, 0).is_empty() {
            questions.push(Question {
                id: cell(&r, 0),
                activity: cell(&r, 2),
                text: clean(&cell(&r, 3)),
                answers: Vec::new(),
            });
        }
        let score = match r.get(9) {
            Some(Data::Float(f)) => Some(*f as u8),
            Some(Data::Int(i)) => Some(*i as u8),
            _ => None,
        };
        questions.last_mut().unwrap().answers.push(Answer {
            id: cell(&r, 6),
            text: clean(&cell(&r, 7)),
            positive: cell(&r, 8) == "Y",
            score,
        });
    }
    let mut improvements: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rows(&mut book, "improvements") {
        improvements.entry(cell(&r, 1)).or_default().push(clean(&cell(&r, 2)));
    }
    Some(Survey {
        activities,
        questions,
        improvements,
    })
}

/// Pathway's arithmetic for one activity: its questions are asked in order until the first
/// negative answer, whose score is the activity's; with none, the last answer's score. Returns
/// the score, the questions asked, and the answer that stopped the chain.
fn pathway_score<'a>(questions: &[&'a Question], given: &BTreeMap<String, String>) -> (u8, Vec<&'a str>, Option<&'a Answer>) {
    let mut asked = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        asked.push(q.id.as_str());
        let picked = &given[&q.id];
        let answer = q.answers.iter().find(|a| &a.id == picked).unwrap();
        if !answer.positive {
            return (answer.score.unwrap(), asked, Some(answer));
        }
        if i + 1 == questions.len() {
            return (answer.score.unwrap(), asked, None);
        }
    }
    unreachable!("an activity has questions")
}

/// Where the improvements sheet files two texts under an answer that does not exist (`Q82.3`);
/// the rubric attaches them to the answer they are about (README, "The real frameworks").
fn filed_under(answer: &str) -> &str {
    if answer == "Q82.3" { "Q83.2" } else { answer }
}

#[test]
fn the_pathway_rubric_is_the_whole_survey() {
    let Some(s) = survey() else { return };
    assert_eq!((s.activities.len(), s.questions.len()), (15, 83));
    let answers: usize = s.questions.iter().map(|q| q.answers.len()).sum();
    let texts: usize = s.improvements.values().map(Vec::len).sum();
    assert_eq!((answers, texts), (185, 152));

    let rubric = yaml("rubrics/odi-pathway.yaml");
    let by_id = criteria_by_id(&rubric);
    assert_eq!(by_id.len(), 83);
    // One dimension per activity, named as in the survey, holding its questions in order.
    let dims = rubric["dimensions"].as_array().unwrap();
    let names: Vec<&str> = dims.iter().map(|d| d["name"].as_str().unwrap()).collect();
    let activities: Vec<&str> = s.activities.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(names, activities);
    for d in dims {
        let ids: Vec<&str> = d["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = s
            .questions
            .iter()
            .filter(|q| q.activity == d["name"])
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids, expected);
        // Every question after an activity's first is asked only after a positive answer.
        for c in &d["criteria"].as_array().unwrap()[1..] {
            assert!(c["applies_when"].is_string(), "{} is always asked", c["id"]);
        }
        assert!(d["criteria"][0].get("applies_when").is_none());
    }
    // Themes are groups summing their activities' levels.
    let groups = rubric["groups"].as_array().unwrap();
    let themes: BTreeSet<&str> = s.activities.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(groups.len(), themes.len());
    for g in groups {
        assert_eq!(g["score"], "sum");
        let members: Vec<&str> = s
            .activities
            .iter()
            .filter(|(t, _)| *t == g["name"])
            .map(|(_, a)| a.as_str())
            .collect();
        let dims_named: Vec<&str> = g["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| dims.iter().find(|d| d["id"] == *id).unwrap()["name"].as_str().unwrap())
            .collect();
        assert_eq!(dims_named, members);
    }

    let mut placed = 0;
    for q in &s.questions {
        let c = &by_id[&q.id];
        assert_eq!(c["question"], q.text.as_str());
        let options = c["answer"]["options"].as_array().unwrap();
        assert_eq!(options.len(), q.answers.len(), "{}", q.id);
        for (o, a) in options.iter().zip(&q.answers) {
            assert_eq!(
                (o["value"].as_str(), o["label"].as_str()),
                (Some(a.id.as_str()), Some(a.text.as_str()))
            );
            assert_eq!(o["credit"].as_f64(), Some(if a.positive { 1.0 } else { 0.0 }), "{}", a.id);
            let cap = o.get("level").and_then(Value::as_u64);
            assert_eq!(cap, if a.positive { None } else { a.score.map(u64::from) }, "{}", a.id);
            let action = o.get("action").and_then(Value::as_str).unwrap_or_default();
            for (filed, texts) in &s.improvements {
                if filed_under(filed) == a.id {
                    for t in texts {
                        assert!(action.contains(t.as_str()), "{}: improvement `{t}` missing from `{action}`", a.id);
                        placed += 1;
                    }
                }
            }
        }
    }
    assert_eq!(placed, 152, "every improvement text is attached to an answer");
}

#[test]
fn the_council_scores_as_pathway_scores_it() {
    let Some(s) = survey() else { return };
    let q = yaml("examples/odi-pathway-council/questionnaire.yaml");
    let given: BTreeMap<String, String> = q["answers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.get("answer").unwrap_or(v).as_str().unwrap().to_string()))
        .collect();

    let r = report(&["examples/odi-pathway-council", "--target", "optimising"]);
    let dims = r["dimensions"].as_array().unwrap();
    let mut asked_all = BTreeSet::new();
    let mut stoppers = Vec::new();
    let mut level_of = BTreeMap::new();
    for (_, activity) in &s.activities {
        let questions: Vec<&Question> = s.questions.iter().filter(|q| &q.activity == activity).collect();
        let (score, asked, stopper) = pathway_score(&questions, &given);
        let d = dims.iter().find(|d| d["name"] == activity.as_str()).unwrap();
        assert_eq!(d["level"].as_u64(), Some(u64::from(score)), "{activity}");
        level_of.insert(activity.clone(), score);
        asked_all.extend(asked.iter().map(|a| a.to_string()));
        if let Some(a) = stopper {
            let question = questions.iter().find(|q| q.answers.iter().any(|x| x.id == a.id)).unwrap();
            stoppers.push((question.id.clone(), a.id.clone()));
        }
    }
    // The council answered exactly the questions Pathway would have asked it.
    assert_eq!(given.keys().cloned().collect::<BTreeSet<_>>(), asked_all);
    // No criterion is unanswered: the questions not asked are not applicable.
    for c in dims.iter().flat_map(|d| d["criteria"].as_array().unwrap()) {
        let id = c["id"].as_str().unwrap();
        assert_ne!(c["status"], "unanswered", "{id}");
        if !asked_all.contains(id) {
            assert_eq!(c["status"], "not_applicable", "{id}");
        }
    }
    // Themes: the sum of their activities' levels, out of 5 per activity.
    let groups = r["groups"].as_array().unwrap();
    for g in groups {
        let members: Vec<u8> = s
            .activities
            .iter()
            .filter(|(t, _)| *t == g["name"])
            .map(|(_, a)| level_of[a])
            .collect();
        let sum: u8 = members.iter().sum();
        assert_eq!(g["score"].as_f64(), Some(f64::from(sum)), "{}", g["name"]);
        assert_eq!(g["max"].as_f64(), Some(5.0 * members.len() as f64), "{}", g["name"]);
    }
    // At the top level the gaps are exactly the answers that stopped a chain, each with the
    // improvement Pathway gives for that answer.
    let gaps: Vec<(String, String)> = r["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["criterion"].as_str().unwrap().to_string(),
                g["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut got: Vec<&str> = gaps.iter().map(|(c, _)| c.as_str()).collect();
    let mut want: Vec<&str> = stoppers.iter().map(|(q, _)| q.as_str()).collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    for (question, answer) in &stoppers {
        let action = &gaps.iter().find(|(c, _)| c == question).unwrap().1;
        let texts: Vec<&String> = s
            .improvements
            .iter()
            .filter(|(filed, _)| filed_under(filed) == answer)
            .flat_map(|(_, t)| t)
            .collect();
        assert!(
            !texts.is_empty(),
            "the example stops {question} at {answer}, which Pathway gives no advice for"
        );
        for t in texts {
            assert!(action.contains(t.as_str()), "{question} ({answer}): `{t}` missing from `{action}`");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// OWASP SAMM v2

/// Every `*.yml` document of a folder of the SAMM model.
fn samm_docs(folder: &str) -> Option<Vec<Value>> {
    let dir = source(&format!("owasp-samm-core/model/{folder}"))?;
    let mut docs: Vec<(PathBuf, Value)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let v = serde_saphyr::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, v)
        })
        .collect();
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    Some(docs.into_iter().map(|(_, v)| v).collect())
}

fn by_id(docs: &[Value]) -> BTreeMap<String, &Value> {
    docs.iter().map(|d| (d["id"].as_str().unwrap().to_string(), d)).collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => clean(s),
        // A YAML 1.1 reader may take the answer `No` for a boolean.
        Value::Bool(false) => "No".into(),
        other => other.to_string(),
    }
}

/// One SAMM question placed in the model: function name, practice short name and name,
/// maturity level, stream letter, its text and its answer set's (text, value) pairs.
struct Placed {
    function: String,
    practice: String,
    practice_name: String,
    level: u64,
    stream: String,
    text: String,
    answers: Vec<(String, f64)>,
}

fn samm_questions() -> Option<Vec<Placed>> {
    let functions = samm_docs("business_functions")?;
    let practices = samm_docs("security_practices")?;
    let streams = samm_docs("streams")?;
    let levels = samm_docs("practice_levels")?;
    let maturity = samm_docs("maturity_levels")?;
    let activities = samm_docs("activities")?;
    let answer_sets = samm_docs("answer_sets")?;
    let questions = samm_docs("questions")?;
    let (functions, practices, streams, levels, maturity, activities, answer_sets) = (
        by_id(&functions),
        by_id(&practices),
        by_id(&streams),
        by_id(&levels),
        by_id(&maturity),
        by_id(&activities),
        by_id(&answer_sets),
    );
    let key = |v: &Value| v.as_str().unwrap().to_string();
    let number = |v: &Value| v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok())).unwrap();
    Some(
        questions
            .iter()
            .map(|q| {
                let activity = activities[&key(&q["activity"])];
                let stream = streams[&key(&activity["stream"])];
                let practice = practices[&key(&stream["practice"])];
                let function = functions[&key(&practice["function"])];
                let level = levels[&key(&activity["level"])];
                let mut answers: Vec<(f64, String, f64)> = answer_sets[&key(&q["answerSet"])]["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| (number(&a["order"]), text(&a["text"]), number(&a["value"])))
                    .collect();
                answers.sort_by(|a, b| a.0.total_cmp(&b.0));
                Placed {
                    function: key(&function["name"]),
                    practice: key(&practice["shortName"]),
                    practice_name: key(&practice["name"]),
                    level: number(&maturity[&key(&level["maturityLevel"])]["number"]) as u64,
                    stream: key(&stream["letter"]),
                    text: text(&q["text"]),
                    answers: answers.into_iter().map(|(_, t, v)| (t, v)).collect(),
                }
            })
            .collect(),
    )
}

impl Placed {
    /// The practice's dimension id in the rubric (`G-PC`) and the question's criterion id.
    fn ids(&self) -> (String, String) {
        let dim = format!("{}-{}", &self.function[..1], self.practice);
        let id = format!("{dim}-{}-{}", self.level, self.stream);
        (dim, id)
    }
}

#[test]
fn the_samm_rubric_is_the_whole_model() {
    let Some(placed) = samm_questions() else { return };
    assert_eq!(placed.len(), 90);
    let rubric = yaml("rubrics/samm.yaml");
    let by_id = criteria_by_id(&rubric);
    assert_eq!(by_id.len(), 90);
    let dims = rubric["dimensions"].as_array().unwrap();
    assert_eq!(dims.len(), 15);
    for p in &placed {
        let (dim, id) = p.ids();
        let d = dims.iter().find(|d| d["id"] == dim.as_str()).unwrap();
        assert_eq!(d["name"], p.practice_name.as_str());
        let c = &by_id[&id];
        assert_eq!(c["question"], p.text.as_str(), "{id}");
        assert_eq!(c["points"].as_f64(), Some(0.5), "{id}");
        let options: Vec<(String, f64)> = c["answer"]["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (text(&o["label"]), o["credit"].as_f64().unwrap()))
            .collect();
        assert_eq!(options, p.answers, "{id}");
    }
    // Business functions are groups averaging their practices.
    let groups = rubric["groups"].as_array().unwrap();
    let functions: BTreeSet<&str> = placed.iter().map(|p| p.function.as_str()).collect();
    assert_eq!(groups.len(), functions.len());
    for g in groups {
        assert_eq!(g["score"], "mean");
        let mut want: Vec<String> = placed
            .iter()
            .filter(|p| p.function == g["name"])
            .map(|p| p.ids().0)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut got: Vec<String> = g["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{}", g["name"]);
    }
}

#[test]
fn the_digital_centre_scores_as_the_samm_toolbox_scores_it() {
    let Some(placed) = samm_questions() else { return };
    let q = yaml("examples/samm-digital-centre/questionnaire.yaml");
    let answers = q["answers"].as_object().unwrap();
    let value = |id: &str| -> f64 {
        let v = &answers[id];
        v.get("answer").unwrap_or(v).as_f64().unwrap()
    };
    assert_eq!(answers.len(), 90, "SAMM asks every question");

    // The toolbox: per practice and level, the mean of the two streams' answers; a practice's
    // score is the sum over its levels; a business function's is the mean of its practices'.
    let mut practice: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for p in &placed {
        let (dim, id) = p.ids();
        let entry = practice.entry(dim).or_insert((p.function.clone(), 0.0));
        entry.1 += value(&id) / 2.0;
    }
    let mut function: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (f, score) in practice.values() {
        function.entry(f.clone()).or_default().push(*score);
    }

    let r = report(&["examples/samm-digital-centre"]);
    for d in r["dimensions"].as_array().unwrap() {
        let want = practice[d["id"].as_str().unwrap()].1;
        let got = d["points"].as_f64().unwrap();
        assert!((got - want).abs() < 1e-9, "{}: dgmat {got}, SAMM {want}", d["id"]);
        assert_eq!(d["max_points"].as_f64(), Some(3.0));
    }
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.len(), function.len());
    for g in groups {
        let scores = &function[g["name"].as_str().unwrap()];
        let want = scores.iter().sum::<f64>() / scores.len() as f64;
        let got = g["score"].as_f64().unwrap();
        assert!((got - want).abs() < 1e-9, "{}: dgmat {got}, SAMM {want}", g["name"]);
        assert_eq!(g["max"].as_f64(), Some(3.0), "{}", g["name"]);
    }
}

#[test]
fn the_frameworks_are_shipped_and_lint_clean() {
    for id in ["odi-pathway", "samm"] {
        let out = dgmat().args(["rubric", "lint", id]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stderr(&out).contains("0 warning(s)"), "{id}: {}", stderr(&out));
    }
    // Chosen by id on the command line, whatever the questionnaire names.
    let r = report(&["examples/samm-digital-centre", "--rubric", "samm"]);
    assert_eq!(r["rubric"]["id"], "samm");
}

/// Pathway refuses a single level (`overall: none`): no output names one, not the summary, the
/// table, Markdown, HTML, JSON, nor a batch's summaries; a target is met when every dimension
/// reaches it, and the summary names the dimensions short of it.
#[test]
fn a_rubric_without_an_overall_level_never_prints_one() {
    let council = "examples/odi-pathway-council";
    let r = report(&[council]);
    assert!(r.get("overall").is_none(), "{}", r["overall"]);
    assert_eq!(r["first_steps"].as_array().map_or(0, Vec::len), 0);

    let out = dgmat().args(["assess", council]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("This rubric gives no overall level"), "{table}");
    assert!(
        table.contains("not reached by 7 dimensions: EXP, ENG, SUP, FIN, VAL, PRO, CAT; 7 criteria"),
        "{table}"
    );
    assert!(!table.contains("Overall level"), "{table}");
    for format in ["markdown", "html"] {
        let out = dgmat().args(["report", council, "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let page = String::from_utf8(out.stdout).unwrap();
        assert!(page.contains("This rubric gives no overall level"), "{format}");
        for overall in ["Overall: Level", "Overall level", ">Overall<"] {
            assert!(!page.contains(overall), "{format} names an overall level: {overall}");
        }
    }

    let root = tempfile::tempdir().unwrap();
    let sub = root.path().join("riverton");
    std::fs::create_dir(&sub).unwrap();
    let questionnaire = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(council).join("questionnaire.yaml");
    std::fs::copy(questionnaire, sub.join("questionnaire.yaml")).unwrap();
    let out_dir = root.path().join("out");
    let out = dgmat()
        .arg("batch")
        .arg(root.path())
        .args(["--rubric", "odi-pathway", "--as-of", "2026-11-20", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("no overall level under this rubric"), "{err}");
    assert!(!err.contains("overall levels"), "{err}");
    let csv = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!((col("overall_level"), col("index"), col("limited_by")), ("", "", ""));
    assert_eq!(col("FIN"), "1");
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(!index.contains("id=\"distribution\""));
    assert!(
        !index.contains("<td class=\"lvl lvl-1\">1</td><td class=\"num\">"),
        "the league shows an overall level and index"
    );
}
