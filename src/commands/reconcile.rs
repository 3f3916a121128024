//! `dgmat reconcile`: load the agency's and the inspector's submissions, refuse them if they are
//! of different agencies or rubrics, assess both and render the comparison.

use super::Exit;
use crate::assess::TargetChoice;
use crate::assess::reconcile::Mismatch;
use crate::cli::{Format, ReconcileArgs};
use crate::failure::Failure;
use crate::load::submission::RubricChoice;
use crate::report::reconcile::{self, ReconcileInput, json, text};

/// Runs `dgmat reconcile`.
pub fn run(args: &ReconcileArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let what = "could not reconcile";
    let own = super::load_submission(std::slice::from_ref(&args.own), args.rubric.as_deref(), what)?;
    // The inspector's answers are read against the agency's rubric (or --rubric): a questionnaire
    // naming another rubric is then refused as such, not as a list of unknown criteria.
    let inspector_paths = std::slice::from_ref(&args.inspector);
    let inspector = match args.rubric.as_deref() {
        Some(spec) => super::load_submission(inspector_paths, Some(spec), what)?,
        None => match crate::load::submission::load_with(inspector_paths, RubricChoice::Loaded(own.rubric.clone()), None) {
            Ok(sub) => sub,
            Err(failure) => {
                let named = failure.partial.as_deref().and_then(|p| crate::assess::reconcile::mismatch(&own, p));
                if let Some(m @ Mismatch::Rubric { .. }) = named {
                    return Err(Failure::Usage(reconcile::mismatch(&m, &args.own, &args.inspector)).into());
                }
                return Err(super::load_failure(failure, what).into());
            }
        },
    };
    if let Some(m) = crate::assess::reconcile::mismatch(&own, &inspector) {
        return Err(Failure::Usage(reconcile::mismatch(&m, &args.own, &args.inspector)).into());
    }
    let today = chrono::Local::now().date_naive();
    let rec = crate::pipeline::reconcile(&own, &inspector, &TargetChoice::Default, lang, today);
    super::refuse_overdrawn(&rec.own, &own)?;
    super::refuse_overdrawn(&rec.verified, &inspector)?;
    let input = ReconcileInput {
        rubric: &own.rubric,
        own: &rec.own.assessment,
        verified: &rec.verified.assessment,
        comparison: &rec.comparison,
        inspected_on: rec.inspected_on,
        own_inputs: &own.inputs,
        inspector_inputs: &inspector.inputs,
        lang,
    };
    let out = match args.format {
        Format::Table => text::table(&input),
        Format::Markdown => text::markdown(&input),
        Format::Json => json::render(&input),
        Format::Html => reconcile::html(&input).map_err(|e| anyhow::anyhow!("cannot render the HTML report: {e}"))?,
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &out)?,
        None => super::print(&out)?,
    }
    if !quiet && args.format != Format::Table {
        if let Some(path) = &args.output {
            crate::report::stderr!("{}", (crate::report::words::words(lang).wrote)(&path.display().to_string()));
        }
        let c = &rec.comparison;
        let undefined = if lang == crate::lang::Lang::Vi {
            "không xác định"
        } else {
            "undefined"
        };
        crate::report::stderr!(
            "{}",
            (crate::report::words::words(lang).reconciled)(
                &input.own.agency.id,
                input.own.level,
                input.verified.level,
                c.agreement.agree(),
                c.agreement.criteria(),
                &c.agreement
                    .kappa()
                    .map_or_else(|| undefined.to_string(), |k| crate::report::locale::decimal(k, 2, lang)),
                c.disagreements.len()
            )
        );
    }
    Ok(Exit::Ok)
}
