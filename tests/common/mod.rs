//! Shared helpers for the integration tests: a temporary data dir and the real binary.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The `zicha` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_zicha");

/// The binary under test: [`BIN`], or `ZICHA_TEST_BIN` to run the tests against
/// another build (for instance to see a regression test fail on an older commit).
pub fn bin() -> String {
    std::env::var("ZICHA_TEST_BIN").unwrap_or_else(|_| BIN.to_string())
}

/// The crate root (for `checklists/` and `tests/fixtures/`).
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Out {
    /// `None` when the process died from a signal (a crash or a stack overflow).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Asserts the exit code and that nothing panicked; returns self for chaining.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self.no_panic();
        self
    }

    #[track_caller]
    pub fn no_panic(&self) -> &Out {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("stack overflow"),
            "the binary panicked:\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary folder holding `data/` (the data dir) and `cwd/` (the working
/// directory every command runs in), so stray writes anywhere in it can be seen.
pub struct Env {
    pub root: tempfile::TempDir,
    pub data: PathBuf,
    pub cwd: PathBuf,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        let root = tempfile::tempdir().expect("temp dir");
        let data = root.path().join("data");
        let cwd = root.path().join("cwd");
        std::fs::create_dir_all(&cwd).expect("cwd");
        Env { root, data, cwd }
    }

    /// `zicha --data-dir <data>` with a clean environment, English messages.
    pub fn cmd(&self) -> Command {
        let mut command = Command::new(bin());
        command
            .env_remove("ZICHA_DATA_DIR")
            .env_remove("ZICHA_ASCII")
            .env_remove("ZICHA_NOW")
            .env("ZICHA_LANG", "en")
            .env("NO_COLOR", "1")
            .current_dir(&self.cwd)
            .arg("--data-dir")
            .arg(&self.data);
        command
    }

    pub fn run<I, S>(&self, args: I) -> Out
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let output = self.cmd().args(args).output().expect("run zicha");
        Out {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs and asserts exit 0; returns stdout.
    #[track_caller]
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args);
        out.expect_code(0);
        out.stdout
    }

    /// Runs and asserts the exit code; returns stderr.
    #[track_caller]
    pub fn fails<I, S>(&self, args: I, code: i32) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args);
        out.expect_code(code);
        out.stderr
    }

    /// `zicha new …`; returns the new session's id.
    #[track_caller]
    pub fn new_session(
        &self,
        checklist: &str,
        department: &str,
        round: &str,
        date: &str,
    ) -> String {
        let stdout = self.ok([
            "new",
            "--checklist",
            checklist,
            "--department",
            department,
            "--round",
            round,
            "--date",
            date,
        ]);
        let id = stdout.trim().to_string();
        assert!(
            uuid::Uuid::parse_str(&id).is_ok(),
            "`new` printed {stdout:?}, not an id"
        );
        id
    }

    /// `zicha show ID --json`, parsed.
    #[track_caller]
    pub fn show(&self, id: &str) -> Value {
        let out = self.run(["show", id, "--json"]);
        out.expect_code(0);
        out.json()
    }

    #[track_caller]
    pub fn mark(&self, id: &str, code: &str, status: &str, extra: &[&str]) -> String {
        let mut args = vec!["mark", id, code, status];
        args.extend_from_slice(extra);
        self.ok(args)
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.data.join("sessions")
    }

    pub fn session_path(&self, id: &str) -> PathBuf {
        self.sessions_dir().join(format!("{id}.ron"))
    }

    /// Writes a user checklist into `<data>/checklists/`.
    pub fn write_checklist(&self, name: &str, text: &str) -> PathBuf {
        let dir = self.data.join("checklists");
        std::fs::create_dir_all(&dir).expect("checklists dir");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write checklist");
        path
    }
}

/// Every file (not folder) under `dir`, relative to it.
pub fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else {
                found.insert(path.strip_prefix(dir).unwrap_or(&path).to_path_buf());
            }
        }
    }
    found
}

/// Every folder under `dir`, relative to it.
pub fn dirs_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                let path = entry.path();
                found.insert(path.strip_prefix(dir).unwrap_or(&path).to_path_buf());
                stack.push(path);
            }
        }
    }
    found
}

/// A tiny deterministic PRNG (xorshift64*), so "random" tests repeat exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| (self.next_u64() >> 56) as u8).collect()
    }
}

/// Floats in JSON, compared with a tolerance far below the two-decimal rounding.
#[track_caller]
pub fn assert_num(value: &Value, expected: f64, what: &str) {
    let found = value
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected a number {expected}, found {value}"));
    assert!(
        (found - expected).abs() < 1e-9,
        "{what}: expected {expected}, found {found}"
    );
}

/// The item object with `code` in `show --json` output.
#[track_caller]
pub fn item<'a>(detail: &'a Value, code: &str) -> &'a Value {
    detail["items"]
        .as_array()
        .expect("items array")
        .iter()
        .find(|item| item["code"] == code)
        .unwrap_or_else(|| panic!("no item {code} in show --json"))
}

/// Characters that must never reach a terminal from user text.
pub fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}
