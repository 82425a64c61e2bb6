//! Key names: a key as the terminal reports it, normalised, and as written in config.toml.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the terminal reports it, normalised for lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key code.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

impl Key {
    /// Normalises a terminal key event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            c => c,
        };
        if let KeyCode::Char(_) = code {
            // The character already says whether Shift was held ("G", "?").
            mods -= KeyModifiers::SHIFT;
        }
        Key { code, mods }
    }

    /// Parses a key name from config.toml.
    ///
    /// Ctrl-i, Ctrl-m and Ctrl-[ are the bytes a terminal sends for Tab, Enter and Esc, so
    /// they are read as those keys (and so clash with them).
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            if let Some(r) = strip_prefix_ci(rest, "ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_control() => return None,
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    match c.to_ascii_lowercase() {
                        'i' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Tab
                        }
                        'm' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Enter
                        }
                        '[' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Esc
                        }
                        c => KeyCode::Char(c),
                    }
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let named = NAMED_KEYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)).map(|(_, k)| *k);
                match named {
                    Some(k) => k,
                    None => {
                        let n: u8 = strip_prefix_ci(rest, "f")?.parse().ok()?;
                        if !(1..=12).contains(&n) {
                            return None;
                        }
                        KeyCode::F(n)
                    }
                }
            }
        };
        if let KeyCode::Char(_) = code {
            // As in `from_event`: the character carries Shift.
            mods -= KeyModifiers::SHIFT;
        }
        Some(Key { code, mods })
    }

    /// The key as written in config.toml and shown in the help.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            code => {
                let name = NAMED_KEYS.iter().find(|(_, k)| *k == code).map_or("?", |(n, _)| n);
                s.push_str(name);
            }
        }
        s
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Key names accepted in `[keys]`.
pub const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Insert", KeyCode::Insert),
    ("Delete", KeyCode::Delete),
];
