//! Runs the real binary in a pseudo-terminal and reads its screen with vt100.
//! Answers the terminal's cursor-position query (ESC[6n) like a real terminal.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Everything the program wrote, for checks on raw output.
    raw: Arc<Mutex<Vec<u8>>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(value: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(value.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

impl Term {
    /// Starts `program args` in a `cols`×`rows` terminal with `envs`, in `cwd`.
    pub fn spawn(
        program: &str,
        args: &[&str],
        envs: &[(&str, &str)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Term {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env_remove("ZICHA_DATA_DIR");
        command.env_remove("NO_COLOR");
        command.env_remove("ZICHA_LANG");
        for (key, value) in envs {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn in pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        {
            let parser = parser.clone();
            let writer = writer.clone();
            let raw = raw.clone();
            thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                let mut tail: Vec<u8> = Vec::new();
                loop {
                    let count = match reader.read(&mut buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(count) => count,
                    };
                    let bytes = &buffer[..count];
                    raw.lock().unwrap().extend_from_slice(bytes);
                    let mut parser = parser.lock().unwrap();
                    parser.process(bytes);
                    // Look for ESC[6n across chunk boundaries.
                    tail.extend_from_slice(bytes);
                    let queries = tail.windows(4).filter(|w| w == b"\x1b[6n").count();
                    if queries > 0 {
                        let (row, col) = parser.screen().cursor_position();
                        let answer = format!("\x1b[{};{}R", row + 1, col + 1);
                        let mut writer = writer.lock().unwrap();
                        for _ in 0..queries {
                            let _ = writer.write_all(answer.as_bytes());
                        }
                        let _ = writer.flush();
                    }
                    let keep = tail.len().saturating_sub(3);
                    tail.drain(..keep);
                }
            });
        }
        Term {
            parser,
            writer,
            master: pair.master,
            child,
            raw,
        }
    }

    pub fn send(&self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    pub fn keys(&self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Types `text` from another thread, so that a program that stops reading cannot
    /// block the test (which then times out on what it waits for).
    pub fn keys_in_background(&self, text: String) -> thread::JoinHandle<()> {
        let writer = self.writer.clone();
        thread::spawn(move || {
            let chars: Vec<char> = text.chars().collect();
            for piece in chars.chunks(1024) {
                let piece: String = piece.iter().collect();
                let Ok(mut writer) = writer.lock() else {
                    return;
                };
                if writer
                    .write_all(piece.as_bytes())
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    return;
                }
            }
        })
    }

    /// A bracketed paste.
    pub fn paste(&self, text: &str) {
        self.send(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    }

    pub fn enter(&self) {
        self.send(b"\r");
    }

    /// A lone Escape, followed by a pause so it is not taken as the start of a sequence.
    pub fn escape(&self) {
        self.send(b"\x1b");
        thread::sleep(Duration::from_millis(120));
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).expect("resize");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn cursor(&self) -> (u16, u16) {
        self.parser.lock().unwrap().screen().cursor_position()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the program left mouse reporting switched on.
    pub fn mouse_captured(&self) -> bool {
        self.parser.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// The process id of the program started in the terminal.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen satisfies `test`; panics with the screen after `timeout`.
    #[track_caller]
    pub fn wait_for(&self, what: &str, timeout: Duration, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if test(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(30));
        }
    }

    #[track_caller]
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, Duration::from_secs(10), |screen| {
            screen.contains(text)
        })
    }

    /// SIGKILL, and wait for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the program to exit; returns whether it exited successfully.
    pub fn wait_exit(&mut self, timeout: Duration) -> bool {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!("the program did not exit; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
