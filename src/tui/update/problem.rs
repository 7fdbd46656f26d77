//! A problem from outside (上级通报, 测评反馈) entered on the ledger: the form stays
//! open until the worker has saved it, so a failure keeps what was typed.

use super::super::action::Effect;
use super::super::app::{App, Overlay, ProblemForm};
use super::super::keymap::Command;
use super::ledger::reload;

pub fn problem_command(app: &mut App, mut form: ProblemForm, command: Command) -> Vec<Effect> {
    let count = crate::tui::app::ProblemField::ORDER.len();
    match command {
        _ if form.pending => {}
        Command::NextField => form.field = (form.field + 1) % count,
        Command::PrevField => form.field = (form.field + count - 1) % count,
        Command::Back => return Vec::new(),
        Command::Submit => return submit_problem(app, form),
        _ => {}
    }
    app.overlay = Some(Overlay::Problem(form));
    Vec::new()
}

fn submit_problem(app: &mut App, mut form: ProblemForm) -> Vec<Effect> {
    use crate::tui::app::ProblemField as F;
    let t = crate::i18n::followup::texts(app.lang);
    let text = |field| form.input(field).text().trim().to_string();
    let due = match text(F::Due).as_str() {
        "" => Ok(None),
        typed => chrono::NaiveDate::parse_from_str(typed, "%Y-%m-%d").map(Some),
    };
    let missing = if text(F::Department).is_empty() {
        Some((F::Department, t.department_needed))
    } else if text(F::Title).is_empty() {
        Some((F::Title, t.title_needed))
    } else if due.is_err() {
        Some((F::Due, app.lang.ui().date_expected))
    } else {
        None
    };
    if let Some((field, message)) = missing {
        form.field = field as usize;
        form.error = Some(message.to_string());
        app.overlay = Some(Overlay::Problem(form));
        return Vec::new();
    }
    let request = crate::ops::problem::NewProblem {
        department: text(F::Department),
        title: text(F::Title),
        source: text(F::Source),
        date: None,
        owner: text(F::Owner),
        owner_department: text(F::OwnerDepartment),
        measure: text(F::Measure),
        due: due.ok().flatten(),
        by: app.settings.inspector.clone(),
    };
    form.pending = true;
    form.error = None;
    app.overlay = Some(Overlay::Problem(form));
    vec![Effect::AddProblem(Box::new(request))]
}

pub fn problem_added(app: &mut App, label: String) -> Vec<Effect> {
    if matches!(app.overlay, Some(Overlay::Problem(_))) {
        app.overlay = None;
    }
    let t = crate::i18n::followup::texts(app.lang);
    app.info(format!("{} {label}", t.problem_added));
    reload(app)
}

pub fn problem_failed(app: &mut App, message: String) -> Vec<Effect> {
    match app.overlay.as_mut() {
        Some(Overlay::Problem(form)) => {
            form.pending = false;
            form.error = Some(message);
        }
        _ => app.error(message),
    }
    Vec::new()
}
