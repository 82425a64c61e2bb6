//! Keys typed ahead while the reader starts: what the terminal sent while its background
//! was asked ([`super::background`]) holds its answers and whatever the user typed
//! meanwhile (or before the reader started: it waited in the terminal's input queue).
//! [`split`] tells the answers from the typing, and [`keys`] turns the typing into the key
//! events crossterm would have read from it, so the reader acts on them, in order, before any
//! key read later.
//!
//! The typed bytes are untrusted like any input: an unknown, cut or stray sequence is
//! dropped, and every event takes at least one byte, so there are never more events than
//! bytes.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

/// What the terminal sent while it was asked, told apart.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// The terminal's answers, one after the other (the OSC 11 answer, when it gave one,
    /// and the DA1 answer), a last one perhaps cut off.
    pub answers: Vec<u8>,
    /// Everything else, in the order it came: what was typed.
    pub typed: Vec<u8>,
    /// Whether the whole DA1 answer is there (the terminal answers it last).
    pub da1: bool,
}

/// The start of the OSC 11 answer (`ESC ] 11 ;`, then the colour, then BEL or `ESC \`).
const OSC11: &[u8] = b"\x1b]11;";
/// The start of the DA1 answer (`ESC [ ?`, then digits and semicolons, then `c`).
const DA1: &[u8] = b"\x1b[?";

/// Splits what the terminal sent into its answers and what was typed before, between or
/// after them.
pub fn split(reply: &[u8]) -> Split {
    let mut out = Split::default();
    let mut i = 0;
    while i < reply.len() {
        match answer_len(&reply[i..]) {
            Some((len, da1)) => {
                out.answers.extend_from_slice(&reply[i..i + len]);
                out.da1 |= da1;
                i += len;
            }
            None => {
                out.typed.push(reply[i]);
                i += 1;
            }
        }
    }
    out
}

/// The length of the answer `rest` starts with, and whether it is a whole DA1 answer.
/// An answer that runs to the end unfinished was cut off by the deadline (its start too,
/// from `ESC ]` or `ESC [` on; a lone ESC at the end is a typed Esc).
fn answer_len(rest: &[u8]) -> Option<(usize, bool)> {
    if rest.len() >= 2
        && rest.len() < OSC11.len().max(DA1.len())
        && (OSC11.starts_with(rest) || DA1.starts_with(rest))
    {
        return Some((rest.len(), false));
    }
    if rest.starts_with(OSC11) {
        let body = &rest[OSC11.len()..];
        let end = match body.iter().position(|&b| b == 0x07 || b == 0x1b) {
            Some(j) if body[j] == 0x07 => OSC11.len() + j + 1,
            // `ESC \` ends it; an ESC followed by anything else is not the answer's.
            Some(j) if body.get(j + 1) == Some(&b'\\') => OSC11.len() + j + 2,
            Some(j) if j + 1 == body.len() => rest.len(),
            Some(j) => OSC11.len() + j,
            None => rest.len(),
        };
        return Some((end, false));
    }
    if rest.starts_with(DA1) {
        let params = rest[DA1.len()..].iter().take_while(|b| b.is_ascii_digit() || **b == b';').count();
        return match rest.get(DA1.len() + params) {
            Some(b'c') => Some((DA1.len() + params + 1, true)),
            None => Some((rest.len(), false)),
            Some(_) => None,
        };
    }
    None
}

/// The key events in `typed`, as crossterm 0.29 reads them on Unix: byte by byte, a
/// sequence taken as soon as it is whole, dropped from where it started as soon as it
/// cannot be one. One difference: a `\n` is Enter, as outside raw mode, since it comes
/// from an Enter typed before raw mode was on (the terminal turned its `\r` into `\n`).
pub fn keys(typed: &[u8]) -> Vec<Event> {
    let mut events = Vec::new();
    let mut pending = Vec::new();
    for (i, &byte) in typed.iter().enumerate() {
        pending.push(byte);
        match parse(&pending, i + 1 < typed.len()) {
            Parsed::Key(key) => {
                events.push(Event::Key(key));
                pending.clear();
            }
            Parsed::Drop => pending.clear(),
            Parsed::More => {}
        }
    }
    // A sequence still unfinished at the end was cut off: it is dropped.
    events
}

/// What the bytes read so far make.
#[derive(Debug, PartialEq)]
enum Parsed {
    Key(KeyEvent),
    /// The start of something longer.
    More,
    /// Nothing crossterm would read as a key.
    Drop,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Parsed {
    Parsed::Key(KeyEvent::new(code, modifiers))
}

/// The key `buf` makes; `more` when more bytes follow it (so a lone ESC may start a
/// sequence).
fn parse(buf: &[u8], more: bool) -> Parsed {
    let none = KeyModifiers::NONE;
    match buf[0] {
        0x1b => match buf.get(1) {
            None if more => Parsed::More,
            None => key(KeyCode::Esc, none),
            Some(b'O') => match buf.get(2) {
                None => Parsed::More,
                Some(&c) => arrow_or_f1_f4(c).map_or(Parsed::Drop, |code| key(code, none)),
            },
            Some(b'[') => csi(buf),
            Some(0x1b) => key(KeyCode::Esc, none),
            // Alt and a key: ESC then the key's bytes.
            Some(_) => match parse(&buf[1..], more) {
                Parsed::Key(k) => key(k.code, k.modifiers | KeyModifiers::ALT),
                other => other,
            },
        },
        b'\r' | b'\n' => key(KeyCode::Enter, none),
        b'\t' => key(KeyCode::Tab, none),
        0x7f => key(KeyCode::Backspace, none),
        c @ 0x01..=0x1a => key(KeyCode::Char(char::from(c - 1 + b'a')), KeyModifiers::CONTROL),
        c @ 0x1c..=0x1f => key(KeyCode::Char(char::from(c - 0x1c + b'4')), KeyModifiers::CONTROL),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        lead => match std::str::from_utf8(buf) {
            Ok(s) => s.chars().next().map_or(Parsed::Drop, |c| {
                // An uppercase letter carries Shift, as crossterm gives it.
                key(KeyCode::Char(c), if c.is_uppercase() { KeyModifiers::SHIFT } else { none })
            }),
            Err(_) => {
                let needed = match lead {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => return Parsed::Drop,
                };
                let continuing = buf[1..].iter().all(|b| b & 0xc0 == 0x80);
                if continuing && buf.len() < needed { Parsed::More } else { Parsed::Drop }
            }
        },
    }
}

/// The arrows, Home, End and F1–F4 by the last byte of their SS3 or CSI sequence.
fn arrow_or_f1_f4(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// A CSI sequence (`ESC [` …): a key with no parameters, a numbered key (`~`) or a key with
/// a modifier parameter (`1;5A`); any other sequence is read to its end and dropped.
fn csi(buf: &[u8]) -> Parsed {
    let none = KeyModifiers::NONE;
    let Some(&first) = buf.get(2) else { return Parsed::More };
    match first {
        // The Linux console's F1–F5.
        b'[' => match buf.get(3) {
            None => Parsed::More,
            Some(&c @ b'A'..=b'E') => key(KeyCode::F(1 + c - b'A'), none),
            Some(_) => Parsed::Drop,
        },
        // `R` alone is not F3 (it would end a cursor report).
        b'R' => Parsed::Drop,
        b'Z' => key(KeyCode::BackTab, KeyModifiers::SHIFT),
        c if arrow_or_f1_f4(c).is_some() => arrow_or_f1_f4(c).map_or(Parsed::Drop, |code| key(code, none)),
        // Parameters, read to the final byte as crossterm reads them; only numbers make a
        // key (a sequence that starts with `;`, `=` or `>` is none to crossterm).
        b'0'..=b'9' | b'?' | b'<' => match buf[buf.len() - 1] {
            0x40..=0x7e if first.is_ascii_digit() => numbered(buf),
            0x40..=0x7e => Parsed::Drop,
            _ => Parsed::More,
        },
        _ => Parsed::Drop,
    }
}

/// A whole CSI sequence with numeric parameters: `ESC [ n ~` (Home, Insert, Delete, End,
/// PageUp, PageDown, F keys) or `ESC [ 1 ; m X` (an arrow, Home, End or F1–F4 with the
/// modifiers `m` says), each perhaps with `:kind` after `m`.
fn numbered(buf: &[u8]) -> Parsed {
    let Ok(params) = std::str::from_utf8(&buf[2..buf.len() - 1]) else { return Parsed::Drop };
    let mut params = params.split(';');
    let last = buf[buf.len() - 1];
    if last == b'~' {
        let Some(Ok(n)) = params.next().map(str::parse::<u8>) else { return Parsed::Drop };
        let code = match n {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            11..=15 => KeyCode::F(n - 10),
            17..=21 => KeyCode::F(n - 11),
            23..=26 => KeyCode::F(n - 12),
            28..=29 => KeyCode::F(n - 15),
            31..=34 => KeyCode::F(n - 17),
            _ => return Parsed::Drop,
        };
        let (mask, kind) = modifier_and_kind(params.next()).unwrap_or((1, KeyEventKind::Press));
        let mut state = KeyEventState::NONE;
        state.set(KeyEventState::CAPS_LOCK, mask.saturating_sub(1) & 64 != 0);
        state.set(KeyEventState::NUM_LOCK, mask.saturating_sub(1) & 128 != 0);
        return Parsed::Key(KeyEvent::new_with_kind_and_state(code, modifiers(mask), kind, state));
    }
    // With parameters, a final `R` is a cursor report to crossterm, not F3.
    let Some(code) = arrow_or_f1_f4(last).filter(|_| last != b'R') else { return Parsed::Drop };
    params.next();
    let (mask, kind) = match modifier_and_kind(params.next()) {
        Some(parsed) => parsed,
        // No second parameter: an older form, the modifiers in the digit before the key.
        None => match char::from(buf[buf.len() - 2]).to_digit(10) {
            Some(digit) => (u8::try_from(digit).unwrap_or(0), KeyEventKind::Press),
            None => return Parsed::Drop,
        },
    };
    Parsed::Key(KeyEvent::new_with_kind(code, modifiers(mask), kind))
}

/// A modifier parameter, `mask` or `mask:kind` (1 press, 2 repeat, 3 release).
fn modifier_and_kind(param: Option<&str>) -> Option<(u8, KeyEventKind)> {
    let mut parts = param?.split(':');
    let mask = parts.next()?.parse::<u8>().ok()?;
    let kind = match parts.next().map(str::parse::<u8>) {
        Some(Ok(2)) => KeyEventKind::Repeat,
        Some(Ok(3)) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    Some((mask, kind))
}

/// The modifiers a parameter names: one more than the sum of Shift 1, Alt 2, Ctrl 4,
/// Super 8, Hyper 16, Meta 32.
fn modifiers(mask: u8) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        mods.set(modifier, bits & bit != 0);
    }
    mods
}

#[cfg(test)]
#[path = "typeahead_tests.rs"]
mod tests;
