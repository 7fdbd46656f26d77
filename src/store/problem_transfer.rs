//! Problems from outside between data folders: decoded once read from another
//! folder's `problems/` or a bundle (`import_source`), merged on import like sessions (`model::problem::merge`),
//! and packed into bundles.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::atomic::{Expect, write_atomic};
use super::import::ImportOutcome;
use super::problems::{decode, encode};
use super::{Store, StoreError};
use crate::model::problem::{Merged, PROBLEM_FORMAT, Problem, merge};
use crate::model::text::normalize_name;

/// Bundle entries (name, bytes) and the problem files left out, with why.
pub type BundledProblems = (Vec<(String, Vec<u8>)>, Vec<String>);

/// A problem found in an import source: a data folder's `problems/` or a bundle.
#[derive(Debug, Clone)]
pub struct IncomingProblem {
    pub problem: Problem,
    /// The file exactly as it was read; written as it is when taken whole.
    pub bytes: Vec<u8>,
    pub label: String,
}

/// Decodes an incoming problem file named `named`; why not, when it is not one.
pub fn incoming(
    bytes: Vec<u8>,
    label: &str,
    named: Option<Uuid>,
) -> Result<IncomingProblem, String> {
    let problem = decode(&bytes, label).map_err(|problem| format!("{problem} (not imported)"))?;
    if named.is_some_and(|id| id != problem.id) {
        return Err(format!(
            "{label}: the file holds problem {}, not the one its name says; not imported",
            problem.id
        ));
    }
    Ok(IncomingProblem {
        problem,
        bytes,
        label: label.to_string(),
    })
}

impl Store {
    /// Brings in a problem from elsewhere: added when new here; when here too, the
    /// copy that has seen the other wins whole, and concurrent copies are merged
    /// (`model::problem::merge`). Never followed through a link; a file changed
    /// meanwhile is left alone.
    pub fn import_problem(&self, incoming: &IncomingProblem) -> ImportOutcome {
        let theirs = &incoming.problem;
        if theirs.format > PROBLEM_FORMAT {
            return ImportOutcome::Skipped(format!(
                "made by a newer zicha (format {}); update zicha to import it",
                theirs.format
            ));
        }
        if let Err(error) = self.create_problems_dir() {
            return ImportOutcome::Skipped(error.to_string());
        }
        let path = self.problem_path(theirs.id);
        let ours = match self.load_problem(theirs.id) {
            Ok(ours) => ours,
            Err(StoreError::NoSuchProblem(_)) => {
                return match write_atomic(self.file_ops(), &path, &incoming.bytes, Expect::Absent) {
                    Ok(()) => ImportOutcome::Added,
                    Err(error) => ImportOutcome::Skipped(error.to_string()),
                };
            }
            Err(error) => {
                return ImportOutcome::Skipped(format!("the copy here cannot be read: {error}"));
            }
        };
        let text = match merge(&ours.problem, theirs) {
            Merged::Ours => return ImportOutcome::Unchanged,
            Merged::Theirs => incoming.bytes.clone(),
            Merged::Both(merged) => match encode(&merged) {
                Ok(text) => text.into_bytes(),
                Err(error) => return ImportOutcome::Skipped(error.to_string()),
            },
        };
        let expect = ours.on_disk.map_or(Expect::Absent, Expect::Content);
        match write_atomic(self.file_ops(), &path, &text, expect) {
            Ok(()) => ImportOutcome::Merged,
            Err(error) => ImportOutcome::Skipped(error.to_string()),
        }
    }

    /// Bundle entries (`problems/<uuid>.ron`, the files as they are) of the problems
    /// of `departments` (all when `None`); problem files that cannot be read are
    /// returned apart with why.
    pub fn bundle_problems(
        &self,
        departments: Option<&BTreeSet<String>>,
    ) -> Result<BundledProblems, StoreError> {
        let mut entries = Vec::new();
        let mut skipped = Vec::new();
        for id in self.problem_ids()? {
            let path = self.problem_path(id);
            let label = path.display().to_string();
            let bytes = match self.file_ops().read(&path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    skipped.push(format!("{label}: cannot read: {error}"));
                    continue;
                }
            };
            match decode(&bytes, &label) {
                Ok(problem) if problem.id == id => {
                    let wanted = departments
                        .is_none_or(|wanted| wanted.contains(&normalize_name(&problem.department)));
                    if wanted {
                        entries.push((format!("problems/{id}.ron"), bytes));
                    }
                }
                Ok(_) => skipped.push(format!("{label}: holds another problem than its name says")),
                Err(problem) => skipped.push(problem.to_string()),
            }
        }
        Ok((entries, skipped))
    }
}
