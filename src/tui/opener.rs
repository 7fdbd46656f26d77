//! Opening an attachment with the system's viewer (`xdg-open`, `open`, `start`).
//! The viewer is started detached: its own process group, no terminal for its
//! input or output, so nothing it prints lands on the screen zicha draws in raw
//! mode, and a key zicha reads never goes to it. It is reaped by a thread, never
//! waited for. Windows (`cmd /C start`) is not tested here.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

pub fn open_detached(path: &Path) -> io::Result<()> {
    let mut command = viewer(path);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn()?;
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(target_os = "macos")]
fn viewer(path: &Path) -> Command {
    let mut command = Command::new("open");
    command.arg(path);
    command
}

#[cfg(windows)]
fn viewer(path: &Path) -> Command {
    let mut command = Command::new("cmd");
    command.args(["/C", "start", ""]).arg(path);
    command
}

#[cfg(not(any(target_os = "macos", windows)))]
fn viewer(path: &Path) -> Command {
    let mut command = Command::new("xdg-open");
    command.arg(path);
    command
}
