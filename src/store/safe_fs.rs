//! Opening files in an untrusted folder (DESIGN §5): the data folder arrives by copy,
//! sync or `git clone`, and so do the folders `zicha import` reads. Every file the
//! store opens goes through here, so every managed folder, present or added later
//! (attachments/, problems/, activities/, unit.ron), gets the same rules:
//!
//! - a symbolic link is never followed (`O_NOFOLLOW` on unix; elsewhere the entry is
//!   checked to be a plain file before and after opening);
//! - only regular files are read: a FIFO, device or socket is refused without
//!   blocking (opened with `O_NONBLOCK`, then checked with `fstat`);
//! - what is read is capped ([`read_capped`], [`copy_capped`]), so a huge or endless
//!   file costs no more memory than the cap;
//! - new files are created exclusively ([`create_new_nofollow`]), never through a link.
//!
//! A refused entry is an [`io::Error`] whose message says why; [`is_refused`] tells
//! it apart from ordinary I/O errors. Callers report it and leave the entry alone.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The largest session file read (DESIGN §5); also the cap for checklist texts.
pub const MAX_SESSION_BYTES: u64 = 32 << 20;
/// The largest attachment (DESIGN §5, §12).
pub const MAX_ATTACHMENT_BYTES: u64 = 50 << 20;
/// The largest cache file read (`index.ron`); a larger one is rebuilt.
pub const MAX_INDEX_BYTES: u64 = 64 << 20;
/// Small bookkeeping files: locks, `settings.ron`.
pub const MAX_SMALL_BYTES: u64 = 1 << 20;

/// Why an entry was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Link,
    Folder,
    /// A FIFO, device or socket.
    Special,
    TooLarge {
        max: u64,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Link => f.write_str(
                "is a symbolic link; zicha does not follow links in its folders (left as it is)",
            ),
            Refusal::Folder => f.write_str("is a folder, not a file (left as it is)"),
            Refusal::Special => f.write_str(
                "is not a regular file (a pipe, device or socket); not opened (left as it is)",
            ),
            Refusal::TooLarge { max } => write!(
                f,
                "is larger than {} MiB, the most zicha reads for it (left as it is)",
                max >> 20
            ),
        }
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    fn error(self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, self)
    }
}

/// The refusal inside `error`, if it is one of ours.
pub fn refusal(error: &io::Error) -> Option<Refusal> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
        .copied()
}

pub fn is_refused(error: &io::Error) -> bool {
    refusal(error).is_some()
}

/// Whether links at the path itself are followed. Inside managed or imported
/// folders they never are; a path the user typed (a bundle, a checklist to check)
/// may be a link of the user's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Refuse,
    Follow,
}

/// What an entry is, without following a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Regular,
    Link,
    Folder,
    Special,
    Missing,
}

pub fn kind_of(path: &Path) -> io::Result<Kind> {
    match fs::symlink_metadata(path) {
        Ok(metadata) => Ok(kind_of_type(metadata.file_type())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Kind::Missing),
        Err(error) => Err(error),
    }
}

pub fn kind_of_type(kind: fs::FileType) -> Kind {
    if kind.is_symlink() {
        Kind::Link
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_file() {
        Kind::Regular
    } else {
        Kind::Special
    }
}

/// Ok for a regular file or nothing at all; the refusal for anything else. For a
/// target about to be replaced by rename, which must not be a link or a FIFO.
pub fn regular_or_missing(path: &Path) -> io::Result<()> {
    match kind_of(path)? {
        Kind::Regular | Kind::Missing => Ok(()),
        Kind::Link => Err(Refusal::Link.error()),
        Kind::Folder => Err(Refusal::Folder.error()),
        Kind::Special => Err(Refusal::Special.error()),
    }
}

/// A managed subfolder must be a real folder: a link named `sessions` would send
/// every save somewhere else.
pub fn real_folder(path: &Path) -> io::Result<()> {
    match kind_of(path)? {
        Kind::Folder => Ok(()),
        Kind::Missing => Err(io::Error::from(io::ErrorKind::NotFound)),
        Kind::Link => Err(Refusal::Link.error()),
        Kind::Regular | Kind::Special => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "is not a folder (left as it is)",
        )),
    }
}

/// Opens a regular file for reading, without blocking on a FIFO and (with
/// [`Links::Refuse`]) without following a link.
pub fn open_regular(path: &Path, links: Links) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    let file = open_checked(path, &mut options, links)?;
    Ok(file)
}

pub fn open_regular_nofollow(path: &Path) -> io::Result<File> {
    open_regular(path, Links::Refuse)
}

/// Reads a whole regular file of at most `max` bytes (see [`open_regular`]).
pub fn read_capped(path: &Path, max: u64, links: Links) -> io::Result<Vec<u8>> {
    let file = open_regular(path, links)?;
    let size = file.metadata()?.len();
    if size > max {
        return Err(Refusal::TooLarge { max }.error());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    read_all_capped(file, &mut bytes, max)?;
    Ok(bytes)
}

pub fn read_capped_nofollow(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    read_capped(path, max, Links::Refuse)
}

/// Reads `reader` to its end into `bytes`, failing once more than `max` bytes came
/// (a file that grows while read, or a zip entry that unpacks to more than it says).
pub fn read_all_capped(reader: impl Read, bytes: &mut Vec<u8>, max: u64) -> io::Result<()> {
    let read = reader.take(max.saturating_add(1)).read_to_end(bytes)?;
    if read as u64 > max {
        bytes.clear();
        bytes.shrink_to_fit();
        return Err(Refusal::TooLarge { max }.error());
    }
    Ok(())
}

/// Copies at most `max` bytes from `reader` to `writer` in small pieces; more is a
/// refusal (the writer then holds a partial copy the caller must discard).
pub fn copy_capped(reader: impl Read, writer: &mut impl Write, max: u64) -> io::Result<u64> {
    let mut limited = reader.take(max.saturating_add(1));
    let copied = io::copy(&mut limited, writer)?;
    if copied > max {
        return Err(Refusal::TooLarge { max }.error());
    }
    Ok(copied)
}

/// Creates a new file for writing; fails if anything (a file, a link) has the name.
pub fn create_new_nofollow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    open_checked(path, &mut options, Links::Refuse)
}

/// Opens (creating if needed, never truncating) a regular file for reading and
/// writing, for lock files: a link or a FIFO in its place is refused.
pub fn open_or_create_nofollow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    open_checked(path, &mut options, Links::Refuse)
}

/// Opens an existing regular file for reading and writing (no create), for a lock
/// file found by a sweep.
pub fn open_existing_nofollow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    open_checked(path, &mut options, Links::Refuse)
}

#[cfg(unix)]
fn open_checked(path: &Path, options: &mut OpenOptions, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    options.custom_flags(flags);
    let file = options.open(path).map_err(|error| {
        // ELOOP (Linux, macOS) or EMLINK (BSD) for a link under O_NOFOLLOW.
        let link = matches!(error.raw_os_error(), Some(libc::ELOOP) | Some(libc::EMLINK))
            && kind_of(path).is_ok_and(|kind| kind == Kind::Link);
        if link { Refusal::Link.error() } else { error }
    })?;
    check_opened(&file)?;
    // Reads of a regular file never block; clear the flag so writes behave as usual.
    // SAFETY: fcntl on a descriptor we own, with flags from F_GETFL.
    unsafe {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        let current = libc::fcntl(fd, libc::F_GETFL);
        if current >= 0 {
            libc::fcntl(fd, libc::F_SETFL, current & !libc::O_NONBLOCK);
        }
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_checked(path: &Path, options: &mut OpenOptions, links: Links) -> io::Result<File> {
    // Untested here: a check before opening (the open itself may follow a link
    // created in between, which the check after opening then catches as a non-file).
    if links == Links::Refuse {
        match kind_of(path)? {
            Kind::Link => return Err(Refusal::Link.error()),
            Kind::Folder => return Err(Refusal::Folder.error()),
            Kind::Special => return Err(Refusal::Special.error()),
            Kind::Regular | Kind::Missing => {}
        }
    }
    let file = options.open(path)?;
    check_opened(&file)?;
    Ok(file)
}

fn check_opened(file: &File) -> io::Result<()> {
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(())
    } else if kind.is_dir() {
        Err(Refusal::Folder.error())
    } else {
        Err(Refusal::Special.error())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn fifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }

    #[test]
    fn links_fifos_folders_and_large_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, b"precious").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let pipe = dir.path().join("pipe.ron");
        fifo(&pipe);
        let big = dir.path().join("big.ron");
        fs::write(&big, vec![b'x'; 2048]).unwrap();

        let refused = |result: io::Result<Vec<u8>>| refusal(&result.unwrap_err());
        assert_eq!(
            refused(read_capped_nofollow(&link, 100)),
            Some(Refusal::Link)
        );
        assert_eq!(
            refused(read_capped_nofollow(&pipe, 100)),
            Some(Refusal::Special)
        );
        assert_eq!(
            refused(read_capped_nofollow(dir.path(), 100)),
            Some(Refusal::Folder)
        );
        assert_eq!(
            refused(read_capped_nofollow(&big, 1024)),
            Some(Refusal::TooLarge { max: 1024 })
        );
        assert_eq!(read_capped(&link, 100, Links::Follow).unwrap(), b"precious");
        assert!(is_refused(&open_or_create_nofollow(&link).unwrap_err()));
        assert!(is_refused(&open_or_create_nofollow(&pipe).unwrap_err()));
        assert!(create_new_nofollow(&link).is_err());
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
        assert_eq!(
            regular_or_missing(&link).map_err(|e| refusal(&e)),
            Err(Some(Refusal::Link))
        );
        regular_or_missing(&dir.path().join("absent")).unwrap();
    }

    #[test]
    fn copies_stop_at_the_cap() {
        let mut out = Vec::new();
        assert_eq!(copy_capped(&b"abc"[..], &mut out, 3).unwrap(), 3);
        assert!(is_refused(
            &copy_capped(&b"abcd"[..], &mut out, 3).unwrap_err()
        ));
    }
}
