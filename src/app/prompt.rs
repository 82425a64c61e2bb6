//! A one-line text prompt at the bottom of the screen (search, bookmark note).
//!
//! While a prompt is open, key events go to it as text editing, not through the keymap:
//! typed characters (including Chinese from an input method, which arrives as characters)
//! and pasted text are inserted; Enter accepts, Esc cancels.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A search query.
    Search,
    /// A note for a new bookmark.
    Note,
    /// Where to go: an outline entry's number, a share of the text, or a heading's words.
    GoTo,
}

/// The state of an open prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The label drawn before the text (`/`, `note: `).
    pub label: String,
    /// The text typed so far.
    pub text: String,
    /// Cursor position: a byte offset into `text`, always on a grapheme boundary.
    pub cursor: usize,
}

/// What a key did to a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptEvent {
    /// The text (or cursor) changed; the prompt stays open.
    Edited,
    /// Nothing changed.
    Ignored,
    /// Enter: the text is accepted.
    Accepted(String),
    /// Esc: the prompt is cancelled.
    Cancelled,
}

impl Prompt {
    /// An empty prompt.
    pub fn new(kind: PromptKind, label: impl Into<String>) -> Self {
        Prompt { kind, label: label.into(), text: String::new(), cursor: 0 }
    }

    /// Inserts text (typed or pasted) at the cursor; line breaks become spaces.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s.chars().map(|c| if crate::sanitize::is_control(c) { ' ' } else { c }).collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..].graphemes(true).next().map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Applies one key.
    pub fn key(&mut self, key: &KeyEvent) -> PromptEvent {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => PromptEvent::Accepted(self.text.clone()),
            // Ctrl-j, a newline, accepts as readline's does: an Enter typed while the reader
            // was starting (the terminal not yet in raw mode) arrives as one.
            KeyCode::Char('j') if ctrl => PromptEvent::Accepted(self.text.clone()),
            KeyCode::Esc => PromptEvent::Cancelled,
            KeyCode::Char('c') if ctrl => PromptEvent::Cancelled,
            KeyCode::Char('u') if ctrl => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
                PromptEvent::Edited
            }
            KeyCode::Char('a') if ctrl => {
                self.cursor = 0;
                PromptEvent::Edited
            }
            KeyCode::Char('e') if ctrl => {
                self.cursor = self.text.len();
                PromptEvent::Edited
            }
            KeyCode::Char(c) if !ctrl => {
                let mut tmp = [0u8; 4];
                self.insert(c.encode_utf8(&mut tmp));
                PromptEvent::Edited
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let start = self.prev_boundary();
                self.text.drain(start..self.cursor);
                self.cursor = start;
                PromptEvent::Edited
            }
            KeyCode::Delete if self.cursor < self.text.len() => {
                let end = self.next_boundary();
                self.text.drain(self.cursor..end);
                PromptEvent::Edited
            }
            KeyCode::Left => {
                self.cursor = self.prev_boundary();
                PromptEvent::Edited
            }
            KeyCode::Right => {
                self.cursor = self.next_boundary();
                PromptEvent::Edited
            }
            KeyCode::Home => {
                self.cursor = 0;
                PromptEvent::Edited
            }
            KeyCode::End => {
                self.cursor = self.text.len();
                PromptEvent::Edited
            }
            _ => PromptEvent::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_chinese_editing_and_accepting() {
        let mut p = Prompt::new(PromptKind::Search, "/");
        for c in "算力x".chars() {
            p.key(&key(KeyCode::Char(c)));
        }
        assert_eq!(p.key(&key(KeyCode::Backspace)), PromptEvent::Edited);
        p.key(&key(KeyCode::Left));
        p.insert("的");
        assert_eq!(p.text, "算的力");
        assert_eq!(p.key(&key(KeyCode::Enter)), PromptEvent::Accepted("算的力".into()));
        let newline = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(p.key(&newline), PromptEvent::Accepted("算的力".into()));
        assert_eq!(p.key(&key(KeyCode::Esc)), PromptEvent::Cancelled);
    }

    #[test]
    fn backspace_removes_a_whole_grapheme_cluster() {
        let mut p = Prompt::new(PromptKind::Note, "note: ");
        p.insert("a👨‍👩‍👧");
        p.key(&key(KeyCode::Backspace));
        assert_eq!(p.text, "a");
        assert_eq!(p.cursor, 1);
        p.key(&key(KeyCode::Backspace));
        p.key(&key(KeyCode::Backspace));
        assert_eq!((p.text.as_str(), p.cursor), ("", 0));
    }
}
