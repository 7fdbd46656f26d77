//! Importing from another data folder: its sessions, trash and problems.

use super::*;

pub(super) fn read_folder(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    let root = &source.path;
    let sessions_dir = root.join("sessions");
    let entries = fs::read_dir(&sessions_dir).map_err(|source| ImportError::Io {
        path: sessions_dir.clone(),
        source,
    })?;
    let mut found = Found::default();
    let mut names: Vec<(String, PathBuf, Kind)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if names.len() == MAX_ENTRIES {
            found.problems.push(format!(
                "{}: more than {MAX_ENTRIES} entries; the rest were not looked at",
                sessions_dir.display()
            ));
            break;
        }
        let kind = entry
            .file_type()
            .map_or(Kind::Special, safe_fs::kind_of_type);
        let name = entry.file_name().to_string_lossy().into_owned();
        names.push((name, entry.path(), kind));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    intake.expect(
        names
            .iter()
            .filter(|(name, ..)| session_id_from_name(name).is_some())
            .count(),
    );
    let archive = Archive::Folder(root.join("archive"));
    for (name, path, kind) in names {
        let label = path.display().to_string();
        let Some(id) = session_id_from_name(&name) else {
            found.ignored.push(label);
            continue;
        };
        if kind != Kind::Regular {
            found.problems.push(refused(&label, kind));
            continue;
        }
        let read = safe_fs::read_capped_nofollow(&path, MAX_SESSION_BYTES);
        if hand_on(read, &label, id, budget, &mut found, &mut |incoming| {
            intake.take(incoming, &archive)
        }) == Flow::Stop
        {
            break;
        }
    }
    found.trashed = trashed_ids(&root.join("trash"));
    read_folder_problems(&root.join("problems"), budget, &mut found);
    Ok(found)
}

fn refused(label: &str, kind: Kind) -> String {
    let why = match kind {
        Kind::Link => safe_fs::Refusal::Link,
        Kind::Folder => safe_fs::Refusal::Folder,
        _ => safe_fs::Refusal::Special,
    };
    format!("{label}: {why}; not imported")
}

/// The problems from outside in another data folder's `problems/`: regular files
/// named by a uuid, each read like a session file; a link, folder or special file
/// under such a name is reported, never opened. A `problems` that is not a real
/// folder is reported and left alone.
fn read_folder_problems(dir: &Path, budget: &Budget, found: &mut Found) {
    match safe_fs::kind_of(dir) {
        Ok(Kind::Folder) => {}
        Ok(Kind::Missing) => return,
        Ok(kind) => {
            found
                .problems
                .push(refused(&dir.display().to_string(), kind));
            return;
        }
        Err(error) => {
            found
                .problems
                .push(format!("{}: cannot read: {error}", dir.display()));
            return;
        }
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(Uuid, PathBuf, Kind)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if files.len() == MAX_ENTRIES {
            found.problems.push(format!(
                "{}: more than {MAX_ENTRIES} entries; the rest were not looked at",
                dir.display()
            ));
            break;
        }
        let Some(id) = session_id_from_name(&entry.file_name().to_string_lossy()) else {
            continue;
        };
        let kind = entry
            .file_type()
            .map_or(Kind::Special, safe_fs::kind_of_type);
        files.push((id, entry.path(), kind));
    }
    files.sort_by_key(|(id, ..)| *id);
    for (id, path, kind) in files {
        let label = path.display().to_string();
        if kind != Kind::Regular {
            found.problems.push(refused(&label, kind));
            continue;
        }
        let read = safe_fs::read_capped_nofollow(&path, MAX_SESSION_BYTES);
        if take_problem(read, &label, id, budget, found) == Flow::Stop {
            break;
        }
    }
}
