//! Which background the terminal has, for `interface.theme = "auto"`: asked of the terminal
//! (OSC 11) before the reader takes the screen, then read from `COLORFGBG`, else dark.
//!
//! The question is sent with a second one every terminal answers (DA1, "what are you"), so
//! the wait ends as soon as the terminal has answered both or only the second (it does not
//! know OSC 11), and at most after [`TIMEOUT`] when it answers neither. Nothing is asked when
//! standard input or output is not a terminal.
//!
//! The reader asks ([`ask`]) before it reads the text and takes the answer ([`Asked::answer`])
//! once the text's beginning is there: the terminal answers while the text is read, instead
//! of the wait for the answer coming after the reading, before the first frame.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use crate::config::Background;

/// The longest wait for the terminal's answer.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// What the terminal sent while it was asked: the background its answer names, if it
/// answered, and what was typed meanwhile (raw bytes, see [`super::typeahead`]).
type Heard = (Option<Background>, Vec<u8>);

/// The question to the terminal, its answer awaited on another thread.
#[derive(Debug)]
pub struct Asked(Option<std::thread::JoinHandle<Heard>>);

/// Asks the terminal for its background colour and waits for the answer on another thread
/// (raw mode is on from the question to the end of the wait, at most [`TIMEOUT`]). Nothing
/// may write to the terminal or read from it until [`Asked::answer`]; dropping the question
/// waits as that does, so no way out leaves the terminal in raw mode.
pub fn ask() -> Asked {
    Asked(Some(std::thread::spawn(ask_terminal)))
}

impl Asked {
    /// The terminal's answer (waiting for the end of the wait), then `COLORFGBG`, else dark;
    /// beside it the keys typed while the question was out (or before), in order, which the
    /// reader is to act on before any key it reads itself.
    pub fn answer(mut self) -> (Background, Vec<crossterm::event::Event>) {
        let (answer, typed) = self.wait();
        let background = answer
            .or_else(|| from_colorfgbg(std::env::var("COLORFGBG").ok().as_deref()?))
            .unwrap_or(Background::Dark);
        (background, super::typeahead::keys(&typed))
    }

    fn wait(&mut self) -> Heard {
        self.0.take().and_then(|asking| asking.join().ok()).unwrap_or_default()
    }
}

impl Drop for Asked {
    fn drop(&mut self) {
        self.wait();
    }
}

/// `COLORFGBG` as rxvt and others set it (`fg;bg` or `fg;default;bg`, ANSI colour numbers):
/// light for a background of 7 (white) or 9-15 but 8 (the bright colours but dark grey).
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    Some(if bg == 7 || (9..=15).contains(&bg) { Background::Light } else { Background::Dark })
}

/// The background an OSC 11 answer names (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` then BEL or
/// `ESC \`, with 1 to 4 hex digits a channel), by its relative luminance.
pub fn from_osc11(reply: &[u8]) -> Option<Background> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("]11;")? + 4;
    let rest = &text[start..];
    let end = rest.find(['\u{7}', '\u{1b}']).unwrap_or(rest.len());
    let spec = rest[..end].strip_prefix("rgb:").or_else(|| rest[..end].strip_prefix("rgba:"))?;
    let mut channels = spec.split('/').map(|c| {
        let digits = c.get(..c.len().min(4))?;
        let v = u32::from_str_radix(digits, 16).ok()?;
        let max = (1u32 << (4 * digits.len())) - 1;
        (max > 0).then(|| f64::from(v) / f64::from(max))
    });
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luminance > 0.5 { Background::Light } else { Background::Dark })
}

/// Reads the terminal's answer with `read_some` (bytes that arrived within the time given,
/// `None` when nothing did or reading failed) until the DA1 answer or the deadline. Keys
/// typed meanwhile come in it too ([`super::typeahead::split`] tells them apart).
pub fn collect_reply(mut read_some: impl FnMut(Duration) -> Option<Vec<u8>>, timeout: Duration) -> Vec<u8> {
    let deadline = Instant::now() + timeout;
    let mut reply = Vec::new();
    while !super::typeahead::split(&reply).da1 && reply.len() < 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match read_some(left) {
            Some(bytes) if !bytes.is_empty() => reply.extend(bytes),
            _ => break,
        }
    }
    reply
}

/// Asks the terminal for its background colour (none when there is no terminal or it does
/// not say), and keeps what was typed meanwhile.
fn ask_terminal() -> Heard {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() || !std::io::stdout().is_terminal() {
        return Heard::default();
    }
    // Raw mode, so the answer is neither echoed nor held back until a newline.
    if crossterm::terminal::enable_raw_mode().is_err() {
        return Heard::default();
    }
    let reply = query(&stdin);
    let _ = crossterm::terminal::disable_raw_mode();
    let reply = super::typeahead::split(&reply.unwrap_or_default());
    (from_osc11(&reply.answers), reply.typed)
}

#[cfg(unix)]
fn query(stdin: &std::io::Stdin) -> Option<Vec<u8>> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let mut out = std::io::stdout();
    out.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    out.flush().ok()?;
    let read_some = |left: Duration| {
        let mut fds = [PollFd::new(stdin, PollFlags::IN)];
        let timeout = Timespec::try_from(left).ok()?;
        if poll(&mut fds, Some(&timeout)).ok()? == 0 {
            return None;
        }
        let mut buf = [0u8; 256];
        let n = rustix::io::read(stdin, &mut buf).ok()?;
        Some(buf[..n].to_vec())
    };
    Some(collect_reply(read_some, TIMEOUT))
}

#[cfg(not(unix))]
fn query(_stdin: &std::io::Stdin) -> Option<Vec<u8>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_osc11_answer_names_the_background() {
        assert_eq!(from_osc11(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?1;2c"), Some(Background::Light));
        assert_eq!(from_osc11(b"\x1b]11;rgb:0000/0000/0000\x07"), Some(Background::Dark));
        assert_eq!(from_osc11(b"\x1b]11;rgb:fd/f6/e3\x07"), Some(Background::Light), "solarized light");
        assert_eq!(from_osc11(b"\x1b]11;rgb:00/2b/36\x07"), Some(Background::Dark), "solarized dark");
        assert_eq!(from_osc11(b"\x1b]11;rgba:eeee/eeee/eeee/ffff\x1b\\"), Some(Background::Light));
        assert_eq!(from_osc11(b"\x1b[?1;2c"), None, "only DA1: the terminal does not say");
        assert_eq!(from_osc11(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(from_osc11(b"\x1b]11;rgb:ff/ff\x07"), None);
    }

    #[test]
    fn colorfgbg_names_the_background() {
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("0;default;7"), Some(Background::Light));
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("default"), None);
        assert_eq!(from_colorfgbg(""), None);
    }

    #[test]
    fn the_wait_ends_at_the_da1_answer() {
        let mut parts = vec![b"\x1b[?1;2c".to_vec(), b"\x1b]11;rgb:ffff/ffff/ffff\x07".to_vec()];
        let reply = collect_reply(|_| parts.pop(), Duration::from_secs(60));
        assert_eq!(reply, b"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?1;2c");
        assert_eq!(from_osc11(&reply), Some(Background::Light));
    }

    #[test]
    fn a_terminal_that_never_answers_ends_the_wait() {
        // Nothing arrives: the first empty read ends it, without waiting out the minute.
        let mut calls = 0;
        let reply = collect_reply(
            |_| {
                calls += 1;
                None
            },
            Duration::from_secs(60),
        );
        assert!(reply.is_empty());
        assert_eq!(calls, 1);
        // Noise that never completes stops at the deadline (here already passed).
        let reply = collect_reply(|_| Some(b"x".to_vec()), Duration::ZERO);
        assert!(reply.is_empty());
    }
}
