//! Problems from outside, one file each: `problems/<uuid>.ron` (docs/design.md §5,
//! §10). Written with the save protocol (temp file, fsync, checked rename, folder
//! fsync) through the store's file layer, which refuses links and special files;
//! the folder is listed without following links and only regular files are read.

use std::fs;
use std::io;
use std::path::PathBuf;

use uuid::Uuid;

use super::atomic::{AtomicError, ContentHash, Expect, content_hash, write_atomic};
use super::checklist_file::{FileProblem, decode_text, ron_options, ron_problem};
use super::{Store, StoreError, Unreadable, safe_fs, session_id_from_name};
use crate::model::problem::{PROBLEM_FORMAT, Problem};

/// A problem as loaded, with what is needed to save it safely.
#[derive(Debug, Clone)]
pub struct LoadedProblem {
    pub problem: Problem,
    /// Hash of the file as last read or written; `None` before it is on disk.
    pub on_disk: Option<ContentHash>,
    /// Written by a newer zicha: read, never rewritten.
    pub newer_format: Option<u32>,
}

/// Problem text as written to disk: same problem, same bytes.
pub fn encode(problem: &Problem) -> Result<String, StoreError> {
    super::session_file::encode_record(problem, problem.id)
}

/// A problem file's content; errors are located.
pub fn decode(bytes: &[u8], file: &str) -> Result<Problem, FileProblem> {
    let text = decode_text(bytes, file)?;
    if text.trim().is_empty() {
        return Err(FileProblem {
            file: file.to_string(),
            place: Some((1, 1)),
            message: "the problem file is empty".into(),
        });
    }
    ron_options()
        .from_str(text)
        .map_err(|error| ron_problem(&error, file))
}

impl Store {
    pub fn problems_dir(&self) -> PathBuf {
        self.root().join("problems")
    }

    pub fn problem_path(&self, id: Uuid) -> PathBuf {
        self.problems_dir().join(format!("{id}.ron"))
    }

    /// `problems/`, made when missing; a link or a file in its place is refused
    /// (a link named `problems` would send every save somewhere else).
    pub fn create_problems_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.problems_dir();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        safe_fs::real_folder(&dir).map_err(|e| StoreError::io("use the folder", &dir, e))?;
        Ok(dir)
    }

    /// Ids of the problem files, sorted; links, folders and special files under a
    /// problem's name are left alone (they are never opened).
    pub fn problem_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        let dir = self.problems_dir();
        match safe_fs::real_folder(&dir) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(StoreError::io("use the folder", &dir, error)),
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(StoreError::io("read the folder", &dir, error)),
        };
        let mut ids: Vec<Uuid> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
            .filter_map(|entry| session_id_from_name(&entry.file_name().to_string_lossy()))
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    pub fn load_problem(&self, id: Uuid) -> Result<LoadedProblem, StoreError> {
        let path = self.problem_path(id);
        let bytes = self.file_ops().read(&path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => StoreError::NoSuchProblem(id.to_string()),
            _ => StoreError::io("read", &path, e),
        })?;
        let label = path.display().to_string();
        let problem = decode(&bytes, &label).map_err(StoreError::Unreadable)?;
        if problem.id != id {
            return Err(StoreError::Unreadable(FileProblem {
                file: label,
                place: None,
                message: format!(
                    "the file holds problem {}, not {id} as its name says (a copy?); left as it is",
                    problem.id
                ),
            }));
        }
        Ok(LoadedProblem {
            newer_format: (problem.format > PROBLEM_FORMAT).then_some(problem.format),
            problem,
            on_disk: Some(content_hash(&bytes)),
        })
    }

    /// Every problem; unreadable files are returned apart, untouched.
    pub fn load_problems(&self) -> Result<(Vec<Problem>, Vec<Unreadable>), StoreError> {
        let mut problems = Vec::new();
        let mut unreadable = Vec::new();
        for id in self.problem_ids()? {
            match self.load_problem(id) {
                Ok(loaded) => problems.push(loaded.problem),
                Err(StoreError::NoSuchProblem(_)) => {}
                Err(StoreError::Unreadable(problem)) => unreadable.push(Unreadable { id, problem }),
                Err(StoreError::Io { path, source, .. }) => unreadable.push(Unreadable {
                    id,
                    problem: FileProblem {
                        file: path.display().to_string(),
                        place: None,
                        message: format!("cannot read: {source}"),
                    },
                }),
                Err(other) => return Err(other),
            }
        }
        Ok((problems, unreadable))
    }

    /// Saves with the save protocol; bumps `seq` and gives the revision id. A file
    /// changed by someone else since it was loaded is left alone (an error says so).
    pub fn save_problem(&self, loaded: &mut LoadedProblem) -> Result<(), StoreError> {
        let id = loaded.problem.id;
        if let Some(format) = loaded.newer_format {
            return Err(StoreError::ReadOnly {
                id,
                reason: format!("it was written by a newer zicha (format {format})"),
            });
        }
        self.create_problems_dir()?;
        let saved = match loaded.on_disk {
            Some(_) => self.load_problem(id).ok().map(|saved| saved.problem),
            None => None,
        };
        let mut next = loaded.problem.clone();
        next.seq += 1;
        next.format = PROBLEM_FORMAT;
        next.stamp(saved.as_ref());
        let text = encode(&next)?;
        let expect = loaded.on_disk.map_or(Expect::Absent, Expect::Content);
        let path = self.problem_path(id);
        match write_atomic(self.file_ops(), &path, text.as_bytes(), expect) {
            Ok(()) => {}
            Err(AtomicError::Io { renamed: true, .. }) => {}
            Err(AtomicError::Changed { path }) => {
                return Err(StoreError::ProblemChanged { id, path });
            }
            Err(other) => return Err(other.into()),
        }
        loaded.problem = next;
        loaded.on_disk = Some(content_hash(text.as_bytes()));
        Ok(())
    }

    /// A problem by full id or a unique prefix of one (the part after `P-`).
    pub fn resolve_problem(&self, prefix: &str) -> Result<Uuid, StoreError> {
        super::scan::by_prefix(
            prefix,
            || self.problem_ids(),
            || StoreError::NoSuchProblem(prefix.to_string()),
            |matches| StoreError::AmbiguousProblem {
                prefix: prefix.to_string(),
                matches,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::Rectification;
    use chrono::DateTime;

    fn problem(id: u128) -> Problem {
        let now = DateTime::parse_from_rfc3339("2026-11-20T09:00:00+08:00").unwrap();
        Problem {
            format: PROBLEM_FORMAT,
            id: Uuid::from_u128(id),
            department: "办公室".into(),
            title: "公示栏内容过期".into(),
            source: "市文明办通报".into(),
            date: now.date_naive(),
            by: "王敏".into(),
            created: now,
            updated: now,
            seq: 0,
            rectification: Rectification {
                owner: "李明".into(),
                ..Rectification::default()
            },
            rev: String::new(),
            seen: Vec::new(),
        }
    }

    #[test]
    fn saved_problems_load_back_resolve_by_prefix_and_refuse_a_stale_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(store.load_problems().unwrap().0.is_empty(), "no folder yet");
        let mut first = LoadedProblem {
            problem: problem(0x0193_0000_0000_7000_8000_0000_0000_0001),
            on_disk: None,
            newer_format: None,
        };
        store.save_problem(&mut first).unwrap();
        let mut second = LoadedProblem {
            problem: problem(0x0193_0000_0000_7000_8000_0000_0000_0002),
            on_disk: None,
            newer_format: None,
        };
        store.save_problem(&mut second).unwrap();
        let (all, unreadable) = store.load_problems().unwrap();
        assert_eq!(all.len(), 2);
        assert!(unreadable.is_empty());
        assert_eq!(all[0], first.problem);
        assert!(!all[0].rev.is_empty(), "saved with a revision id");
        let id = first.problem.id;
        assert_eq!(store.resolve_problem(&id.to_string()[..36]).unwrap(), id);
        assert!(matches!(
            store.resolve_problem("01930000"),
            Err(StoreError::AmbiguousProblem { .. })
        ));
        assert!(matches!(
            store.resolve_problem("ffff"),
            Err(StoreError::NoSuchProblem(_))
        ));
        let mut stale = store.load_problem(id).unwrap();
        store.save_problem(&mut first).unwrap();
        let before = fs::read(store.problem_path(id)).unwrap();
        stale.problem.title = "另一处修改".into();
        assert!(matches!(
            store.save_problem(&mut stale),
            Err(StoreError::ProblemChanged { .. })
        ));
        assert_eq!(
            fs::read(store.problem_path(id)).unwrap(),
            before,
            "left alone"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_under_a_problem_name_is_never_listed_or_opened() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        fs::create_dir_all(store.problems_dir()).unwrap();
        let outside = dir.path().join("outside.ron");
        fs::write(&outside, encode(&problem(5)).unwrap()).unwrap();
        std::os::unix::fs::symlink(&outside, store.problem_path(Uuid::from_u128(5))).unwrap();
        assert!(store.problem_ids().unwrap().is_empty());
        assert!(store.load_problems().unwrap().0.is_empty());
    }

    /// A link named `problems` would send every save somewhere else: it is refused,
    /// for reading and for saving, and nothing is written behind it.
    #[cfg(unix)]
    #[test]
    fn a_problems_folder_that_is_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("data")).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, store.problems_dir()).unwrap();
        assert!(matches!(store.problem_ids(), Err(StoreError::Io { .. })));
        let mut new = LoadedProblem {
            problem: problem(6),
            on_disk: None,
            newer_format: None,
        };
        assert!(matches!(
            store.save_problem(&mut new),
            Err(StoreError::Io { .. })
        ));
        assert_eq!(
            fs::read_dir(&elsewhere).unwrap().count(),
            0,
            "nothing written"
        );
    }
}
