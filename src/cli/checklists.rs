//! Commands on checklists: list them, validate files.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Context, Problems, print};
use crate::export::text;
use crate::model::scoring::format_points;
use crate::model::text::sanitize_line;
use crate::store::checklist_file::{FileProblem, parse_checklist};

pub fn checklists(context: &Context) -> Result<()> {
    let store = context.store()?;
    let catalog = store.catalog();
    let t = context.lang.texts();
    let rows: Vec<Vec<String>> = catalog
        .latest_all()
        .iter()
        .map(|entry| {
            let c = &entry.checklist;
            let base: f64 = c
                .items()
                .iter()
                .filter(|i| i.is_base())
                .map(|i| i.points)
                .sum();
            let source = match &entry.source {
                crate::store::catalog::Source::Builtin(_) => t.builtin.to_string(),
                crate::store::catalog::Source::User(path) => {
                    format!("{} {}", t.user_file, path.display())
                }
                crate::store::catalog::Source::Archive(_) => t.archived.to_string(),
            };
            vec![
                c.id.clone(),
                format!("v{}", c.version),
                sanitize_line(&c.title),
                c.items().len().to_string(),
                format_points(base),
                sanitize_line(&source),
            ]
        })
        .collect();
    print(&text::table(
        &["id", "ver", t.checklist, t.items, t.points, ""],
        &rows,
    ));
    if !catalog.problems.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for problem in &catalog.problems {
            writeln!(stderr, "{}", sanitize_line(&problem.to_string()))?;
        }
    }
    Ok(())
}

pub fn check(files: &[PathBuf]) -> Result<()> {
    let mut problems: Vec<FileProblem> = Vec::new();
    for path in files {
        let label = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(FileProblem {
                    file: label,
                    place: None,
                    message: format!("cannot read: {error}"),
                });
                continue;
            }
        };
        match parse_checklist(&bytes, &label) {
            Ok(checklist) => {
                let items = checklist.items();
                let base: f64 = items.iter().filter(|i| i.is_base()).map(|i| i.points).sum();
                println!(
                    "{}: ok — {} v{}, {} items, {} points",
                    sanitize_line(&label),
                    checklist.id,
                    checklist.version,
                    items.len(),
                    format_points(base)
                );
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems.iter().map(ToString::to_string).collect()).into())
    }
}
