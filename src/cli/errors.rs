//! How the command line reports what went wrong: clap's usage errors cleaned of
//! control sequences, and zicha's errors in the user's language, one line each.

use std::io::Write;
use std::process::ExitCode;

use super::print;
use crate::i18n::Lang;
use crate::model::text::{sanitize, sanitize_line};

/// An error that prints as several lines, one per problem.
#[derive(Debug)]
pub struct Problems(pub Vec<String>);

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for Problems {}

/// clap's message (usage error, help or version), with every control sequence taken
/// out: clap quotes the offending argument as it was typed.
pub(super) fn usage_error(error: &clap::Error) -> ExitCode {
    let text = sanitize(&error.render().to_string());
    if error.use_stderr() {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    } else {
        print(&text);
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

pub(super) fn report_error(error: &anyhow::Error, lang: Lang) {
    let mut stderr = std::io::stderr().lock();
    if let Some(problems) = error.downcast_ref::<Problems>() {
        for line in &problems.0 {
            let _ = writeln!(stderr, "{}", sanitize_line(line));
        }
        return;
    }
    let message = error_text(error, lang);
    for line in sanitize(&message).lines() {
        let _ = writeln!(stderr, "{}{line}", lang.cli().error);
    }
}

/// The error in `lang`: the first error of the chain that zicha knows says it all
/// (its own cause included); others are joined with their causes.
fn error_text(error: &anyhow::Error, lang: Lang) -> String {
    if let Some(text) = error.chain().find_map(|cause| localized(cause, lang)) {
        return text;
    }
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(&format!(": {cause}"));
        }
    }
    message
}

fn localized(error: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    use crate::i18n::errors as e;
    if let Some(error) = error.downcast_ref::<crate::ops::OpsError>() {
        Some(e::ops_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::StoreError>() {
        Some(e::store_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::export::ExportError>() {
        Some(e::export_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::model::edit::EditError>() {
        Some(e::edit_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::import::ImportError>() {
        Some(e::import_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::bundle::BundleError>() {
        Some(e::bundle_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::model::merge::MergeError>() {
        Some(e::merge_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::model::merge::ResolveError>() {
        Some(e::resolve_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::activities::ActivityStoreError>()
    {
        Some(crate::i18n::deadlines::activity_store_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::unit_file::UnitError>() {
        Some(crate::i18n::deadlines::unit_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::store::lock::LockError>() {
        Some(e::lock_error(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::model::session::UnknownStatus>() {
        Some(e::unknown_status(lang, error))
    } else if let Some(error) = error.downcast_ref::<crate::model::judgement::UnknownJudgement>() {
        Some(crate::i18n::scoring::unknown_judgement(lang, error))
    } else {
        error
            .downcast_ref::<crate::export::UnknownFormat>()
            .map(|error| e::unknown_format(lang, error))
    }
}
