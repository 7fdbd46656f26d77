//! Importing from a bundle (a zip written by `zicha bundle`).

use super::*;

pub(super) fn read_bundle(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    let path = &source.path;
    let bad = |message: String| ImportError::Bundle {
        path: path.to_path_buf(),
        message,
    };
    let mut file =
        safe_fs::open_regular(path, Links::Follow).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let directory =
        zip_scan::scan(&mut file, MAX_ENTRIES as u64, MAX_BUNDLE_DIRECTORY).map_err(bad)?;
    let zip = RefCell::new(ZipArchive::new(file).map_err(|e| bad(e.to_string()))?);
    let mut found = Found::default();
    for (name, count) in &directory.duplicates {
        found.problems.push(format!(
            "{}:{name}: {count} entries have this name; none of them was imported",
            source.label
        ));
    }
    let archive = Archive::Zip {
        zip: &zip,
        duplicates: &directory.duplicates,
    };
    let entries = zip.borrow().len();
    intake.expect(
        zip.borrow()
            .file_names()
            .filter(|name| {
                matches!(classify_entry(name), BundleEntry::Session(_))
                    && !directory.duplicates.contains_key(*name)
            })
            .count(),
    );
    for index in 0..entries {
        let (name, kind, bytes) = {
            let mut zip = zip.borrow_mut();
            let mut entry = zip.by_index(index).map_err(|e| bad(e.to_string()))?;
            let name = entry.name().to_string();
            if entry.is_dir() {
                continue;
            }
            let kind = classify_entry(&name);
            let (BundleEntry::Session(_) | BundleEntry::Problem(_)) = kind else {
                drop(entry);
                if kind == BundleEntry::Other {
                    found.ignored.push(format!("{}:{name}", source.label));
                }
                continue;
            };
            if directory.duplicates.contains_key(&name) {
                continue;
            }
            let mut bytes = Vec::new();
            let read = safe_fs::read_all_capped(&mut entry, &mut bytes, MAX_SESSION_BYTES);
            (name, kind, read.map(|()| bytes))
        };
        let label = format!("{}:{name}", source.label);
        let id = match kind {
            BundleEntry::Session(id) => id,
            BundleEntry::Problem(id) => {
                if take_problem(bytes, &label, id, budget, &mut found) == Flow::Stop {
                    break;
                }
                continue;
            }
            _ => continue,
        };
        if hand_on(bytes, &label, id, budget, &mut found, &mut |incoming| {
            intake.take(incoming, &archive)
        }) == Flow::Stop
        {
            break;
        }
    }
    Ok(found)
}
