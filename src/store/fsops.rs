//! The file operations the save protocol uses, behind a seam so tests can fail any one of them.
//! The real ones never follow a link nor open a special file ([`super::safe_fs`]).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::safe_fs;

pub trait FileOps: Send + Sync + std::fmt::Debug {
    fn create_new(&self, path: &Path) -> io::Result<File>;
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    fn sync_file(&self, file: &File) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes `to` a second name of `from`; fails if `to` exists (an atomic create).
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl FileOps for RealFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        safe_fs::create_new_nofollow(path)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
    }
    #[cfg(unix)]
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    fn sync_dir(&self, _dir: &Path) -> io::Result<()> {
        Ok(())
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
    /// Reads a managed file: a regular file, no link, at most a session file's size.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        safe_fs::read_capped_nofollow(path, safe_fs::MAX_SESSION_BYTES)
    }
}

/// Fails the N-th file operation (counting from 1) with a chosen error; for fault tests.
#[derive(Debug)]
pub struct FaultyFs {
    fail_at: AtomicUsize,
    calls: AtomicUsize,
    kind: io::ErrorKind,
    log: Mutex<Vec<&'static str>>,
}

impl FaultyFs {
    pub fn new(fail_at: usize, kind: io::ErrorKind) -> FaultyFs {
        FaultyFs {
            fail_at: AtomicUsize::new(fail_at),
            calls: AtomicUsize::new(0),
            kind,
            log: Mutex::new(Vec::new()),
        }
    }

    /// Stops failing (a retry after the fault goes through).
    pub fn heal(&self) {
        self.fail_at.store(0, Ordering::SeqCst);
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// Names of the operations called so far, in order.
    pub fn log(&self) -> Vec<&'static str> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }

    fn check(&self, operation: &'static str) -> io::Result<()> {
        if let Ok(mut log) = self.log.lock() {
            log.push(operation);
        }
        let call = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if call == self.fail_at.load(Ordering::SeqCst) {
            Err(io::Error::new(
                self.kind,
                format!("injected fault at call {call} ({operation})"),
            ))
        } else {
            Ok(())
        }
    }
}

impl FileOps for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.check("create_new")?;
        RealFs.create_new(path)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        self.check("write_all")?;
        RealFs.write_all(file, bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.check("sync_file")?;
        RealFs.sync_file(file)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("rename")?;
        RealFs.rename(from, to)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("hard_link")?;
        RealFs.hard_link(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check("sync_dir")?;
        RealFs.sync_dir(dir)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.check("remove_file")?;
        RealFs.remove_file(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check("read")?;
        RealFs.read(path)
    }
}
