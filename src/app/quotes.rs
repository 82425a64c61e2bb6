//! Quote selection and bookmarks in the reader: `)` / `(` select quotes, `m` / `M` bookmark
//! the selection (or the paragraph at the top), `'` lists this article's bookmarks.
//!
//! Every change goes to the bookmarks file at once (see [`crate::store::bookmarks`]); when
//! the file cannot be read or written the status line says why and the reader goes on.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::i18n::{self, Msg};
use crate::sanitize::clean;

use super::effect::Effect;
use super::{Action, App, Overlay, PromptEvent, PromptKind, Selection};
use crate::document::Document;
use crate::document::quotes::QuoteKind;
use crate::layout::Pos;
use crate::store::bookmarks::{self, Bookmark, StoreError};
use crate::store::identity;

pub use super::state::quotes::*;

impl App {
    /// Selects the next (`forward`) or previous quote from the selection or the top of the
    /// view, and scrolls it into view.
    fn step_quote(&mut self, forward: bool) {
        self.quotes.find(&self.doc);
        if self.quotes.quotes().is_empty() {
            self.say(Msg::NoQuotations);
            return;
        }
        let anchor = self.anchor();
        let selected_start = self.selected_quote().map(|q| q.start);
        let visible = selected_start.is_some_and(|s| self.in_view(s));
        let quotes = &self.quotes.quotes();
        // The first quote to look at, then onwards in the direction of the step.
        let from = match (self.selection.quote().filter(|_| visible), forward) {
            (Some(i), true) => Some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => Some(quotes.partition_point(|q| q.start < anchor)),
            (None, false) => quotes.partition_point(|q| q.start < anchor).checked_sub(1),
        };
        let target = from.filter(|&i| i < quotes.len()).and_then(|i| {
            if forward {
                (i..quotes.len()).find(|&j| self.quotes.steppable(j))
            } else {
                (0..=i).rev().find(|&j| self.quotes.steppable(j))
            }
        });
        match target {
            Some(i) => {
                self.selection = Selection::Quote(i);
                let start = self.quotes.quotes()[i].start;
                if !self.in_view(start) {
                    self.record_jump();
                    self.scroll_to_offset(start);
                }
            }
            None if forward => self.say(Msg::NoMoreQuotationsBelow),
            None => self.say(Msg::NoMoreQuotationsAbove),
        }
    }

    /// Whether byte `offset` is on a row shown in the text pane.
    pub(super) fn in_view(&mut self, offset: usize) -> bool {
        if self.doc.blocks.is_empty() {
            return false;
        }
        let block = self.doc.block_at(offset);
        let pos = Pos { block, row: self.layout.row_of(&self.doc, block, offset) };
        let height = self.text_height().max(1);
        let bottom = self.layout.forward(&self.doc, self.top, height - 1);
        self.top <= pos && pos <= bottom
    }

    /// A bookmark of the selected quote (when in view), else of the paragraph at the top.
    fn draft_bookmark(&mut self) -> Option<Bookmark> {
        let p = self.passage_in_focus()?;
        Some(self.new_bookmark(p.range, p.text, p.speaker, p.speaker_title))
    }

    /// What `m` bookmarks and `y` copies when no passage is selected: the selected quote
    /// (when in view; its words without the marks), else the paragraph at the top.
    pub(super) fn passage_in_focus(&mut self) -> Option<Passage> {
        if self.doc.blocks.is_empty() {
            return None;
        }
        let selected = self.selected_quote().cloned();
        Some(match selected {
            Some(q) if self.in_view(q.start) => Passage {
                text: q.inner(&self.doc.text).to_string(),
                words: {
                    let inner = q.inner(&self.doc.text);
                    let open = self.doc.text[q.start..].chars().next().map_or(0, char::len_utf8);
                    q.start + open..q.start + open + inner.len()
                },
                range: q.start..q.end,
                speaker: q.speaker.clone(),
                speaker_title: q.speaker_title.clone(),
            },
            _ => {
                let anchor = self.anchor();
                let block = self.doc.block_at(anchor);
                let b = &self.doc.blocks[block];
                let text = self.doc.block_text(block).to_string();
                Passage {
                    range: b.start..b.end,
                    words: b.start..b.end,
                    text,
                    speaker: None,
                    speaker_title: None,
                }
            }
        })
    }

    /// A new bookmark of this text: the passage at `range`, its text as kept (`quote`),
    /// who said it, made now.
    pub(super) fn new_bookmark(
        &self,
        range: std::ops::Range<usize>,
        quote: String,
        speaker: Option<String>,
        speaker_title: Option<String>,
    ) -> Bookmark {
        let doc = &self.doc;
        Bookmark {
            id: bookmarks::new_id(),
            article: self.quotes.article.clone(),
            title: doc.title().to_string(),
            section: section_of(doc, range.start).unwrap_or_default().to_string(),
            quote,
            speaker,
            speaker_title,
            note: String::new(),
            line: doc.line_of(range.start) as u64,
            start: range.start as u64,
            end: range.end as u64,
            created: bookmarks::now_rfc3339(),
            path: doc.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
            kind: None,
            extra: toml::Table::new(),
        }
    }

    /// Saves a new bookmark and says so in the status line.
    pub(super) fn add_bookmark(&mut self, b: Bookmark) {
        let already = self.quotes.here.iter().any(|(i, r)| {
            r.as_ref().is_some_and(|r| r.start as u64 == b.start && r.end as u64 == b.end)
                && self.quotes.all[*i].note == b.note
        });
        if already && b.note.is_empty() {
            self.say(Msg::AlreadyBookmarked);
            return;
        }
        let what = excerpt(&b.quote, 16);
        self.effects.push(Effect::SaveBookmark { bookmark: b, what });
    }

    /// The runtime saved a new bookmark (or failed to).
    pub(super) fn bookmark_saved(
        &mut self,
        result: Option<Result<Vec<Bookmark>, StoreError>>,
        what: &str,
        highlight: bool,
    ) {
        match self.quotes.saved(&self.doc, result) {
            Ok(()) if highlight => self.say(Msg::Highlighted(what)),
            Ok(()) => self.say(Msg::Bookmarked(what)),
            Err(e) => self.fail(e),
        }
    }

    /// The runtime deleted bookmark `b` from the file (or failed to).
    pub(super) fn bookmark_deleted(
        &mut self,
        result: Option<Result<Vec<Bookmark>, StoreError>>,
        b: Bookmark,
    ) {
        match self.quotes.saved(&self.doc, result) {
            Ok(()) => {
                self.say(Msg::Deleted(&excerpt(&b.quote, 16)));
                self.quotes.deleted.push(b);
            }
            Err(e) => self.fail(e),
        }
    }

    /// The runtime saved deleted bookmark `b` again (or failed to, and it can be tried again).
    pub(super) fn bookmark_restored(
        &mut self,
        result: Option<Result<Vec<Bookmark>, StoreError>>,
        b: Bookmark,
    ) {
        let what = excerpt(&b.quote, 16);
        match self.quotes.saved(&self.doc, result) {
            Ok(()) => {
                self.say(Msg::Restored(&what));
                if let Some(p) = self.quotes.here.iter().position(|(i, _)| self.quotes.all[*i].id == b.id) {
                    self.quotes.cursor = p;
                }
            }
            Err(e) => {
                self.quotes.deleted.push(b);
                self.fail(e);
            }
        }
    }

    /// Opens the bookmark list of this article, with the bookmarks file as the runtime read
    /// it again (`None`: there is no file).
    pub(super) fn open_bookmarks(&mut self, loaded: Option<Result<Vec<Bookmark>, StoreError>>) {
        // Pick up what other readers saved meanwhile.
        if let Some(loaded) = loaded {
            match loaded {
                Ok(all) => {
                    self.quotes.broken = None;
                    self.quotes.all = all;
                }
                Err(e) => {
                    self.quotes.broken = Some(e.to_string());
                    self.fail(e);
                }
            }
            self.quotes.relocate(&self.doc);
        }
        self.quotes.deleted.clear();
        // Start on the first bookmark at or after the top of the view.
        let anchor = self.anchor();
        self.quotes.cursor = self
            .quotes
            .here
            .iter()
            .position(|(_, r)| r.as_ref().is_some_and(|r| r.end > anchor))
            .unwrap_or(0);
        self.overlay = Some(Overlay::Bookmarks);
    }

    /// The reader's actions for quotes and bookmarks; returns whether `action` was one.
    pub(super) fn update_quotes(&mut self, action: Action) -> bool {
        match action {
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::Bookmark => {
                if let Some(b) = self.draft_bookmark() {
                    self.add_bookmark(b);
                }
            }
            Action::BookmarkWithNote => {
                if let Some(b) = self.draft_bookmark() {
                    self.quotes.draft = Some(b);
                    self.open_prompt(PromptKind::Note, &i18n::text(Msg::NotePrompt));
                }
            }
            Action::BookmarksList => self.effects.push(Effect::OpenBookmarks),
            _ => return false,
        }
        true
    }

    /// The note prompt was accepted or cancelled.
    pub(super) fn note_prompt(&mut self, event: PromptEvent) {
        match event {
            PromptEvent::Accepted(note) => {
                if let Some(mut b) = self.quotes.draft.take() {
                    b.note = note.trim().to_string();
                    self.add_bookmark(b);
                }
            }
            PromptEvent::Cancelled => {
                self.quotes.draft = None;
                self.say(Msg::BookmarkCancelled);
            }
            PromptEvent::Edited | PromptEvent::Ignored => {}
        }
    }

    /// Keys while the bookmark list is open.
    pub(super) fn update_bookmark_list(&mut self, action: Action) {
        let n = self.quotes.here.len();
        match action {
            Action::LineDown => self.quotes.cursor = (self.quotes.cursor + 1).min(n.saturating_sub(1)),
            Action::LineUp => self.quotes.cursor = self.quotes.cursor.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => {
                self.quotes.cursor = (self.quotes.cursor + 5).min(n.saturating_sub(1));
            }
            Action::PageUp | Action::HalfPageUp => self.quotes.cursor = self.quotes.cursor.saturating_sub(5),
            Action::Top => self.quotes.cursor = 0,
            Action::Bottom => self.quotes.cursor = n.saturating_sub(1),
            Action::Select => match self.quotes.here.get(self.quotes.cursor).cloned() {
                Some((_, Some(range))) => {
                    self.overlay = None;
                    self.record_jump();
                    self.scroll_to_offset(range.start);
                    match self.quotes.quotes().iter().position(|q| q.start == range.start) {
                        Some(q) => self.selection = Selection::Quote(q),
                        // The passage is no quote: a selected quote elsewhere is let go.
                        None if self.selection.quote().is_some() => self.selection = Selection::None,
                        None => {}
                    }
                }
                Some((_, None)) => self.say(Msg::DetachedChosen),
                None => self.overlay = None,
            },
            Action::Delete => {
                if let Some(&(i, _)) = self.quotes.here.get(self.quotes.cursor) {
                    self.effects.push(Effect::DeleteBookmark(self.quotes.all[i].clone()));
                }
            }
            Action::Undo => match self.quotes.deleted.pop() {
                Some(b) => self.effects.push(Effect::RestoreBookmark(b)),
                None => self.say(Msg::NothingToUndo),
            },
            Action::Close | Action::BookmarksList => self.overlay = None,
            Action::Quit => self.should_quit = true,
            _ => {}
        }
    }

    /// Uses the bookmarks file at `path` instead of the configured one (`--bookmarks-file`).
    pub fn use_bookmarks_file(&mut self, path: &Path) {
        let doc = &self.doc;
        if let Some(msg) = self.quotes.open(doc, Some(path)) {
            self.fail(msg);
        }
    }
}

/// A passage of the text with its words and who said them.
#[derive(Debug, Clone)]
pub(super) struct Passage {
    /// Where it is (a quote's marks included).
    pub range: std::ops::Range<usize>,
    /// Where its words are (a quote's without the marks).
    pub words: std::ops::Range<usize>,
    /// Its words as kept (a quote's without the marks).
    pub text: String,
    /// Who said it, when the text names them.
    pub speaker: Option<String>,
    /// The speaker's title.
    pub speaker_title: Option<String>,
}

#[derive(Serialize)]
struct QuoteEntry<'a> {
    text: &'a str,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_title: Option<&'a str>,
    line: usize,
    section: Option<std::borrow::Cow<'a, str>>,
    start: usize,
    end: usize,
}

/// `yuedu quotes`: one line per quote (line, kind, speaker, text; tab-separated) or JSON.
pub fn print_quotes(doc: &Document, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let quotes = document_quotes(doc);
    if json {
        let entries: Vec<QuoteEntry> = quotes
            .iter()
            .map(|q| QuoteEntry {
                text: q.inner(&doc.text),
                kind: q.kind,
                speaker: q.speaker.as_deref(),
                speaker_title: q.speaker_title.as_deref(),
                line: doc.line_of(q.start),
                section: section_of(doc, q.start),
                start: q.start,
                end: q.end,
            })
            .collect();
        crate::sanitize::write_json(&mut *out, &entries)?;
        return writeln!(out);
    }
    for q in &quotes {
        let speaker = q.speaker.as_deref().unwrap_or("");
        // Each field is cleaned on its own: a tab in the text never looks like a separator.
        let (speaker, text) = (clean(speaker), clean(q.inner(&doc.text)));
        writeln!(out, "{}\t{}\t{speaker}\t{text}", doc.line_of(q.start), q.kind.name())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    bookmark: &'a Bookmark,
    /// Its text is no longer in the article.
    detached: bool,
}

/// How the bookmark commands show bookmarks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listing {
    /// Texts as the text pane shows them (punctuation normalised as configured); JSON keeps
    /// them as stored.
    pub wrap: crate::layout::WrapOptions,
    /// Newest first, instead of the article's order.
    pub newest_first: bool,
}

/// `yuedu bookmarks`: the bookmarks of `doc` (all of them when `doc` is `None`), in the
/// article's order (where each is in the text now; detached ones last) or newest first.
pub fn print_bookmarks(
    all: &[Bookmark],
    doc: Option<&Document>,
    json: bool,
    listing: &Listing,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut all = all.to_vec();
    if listing.newest_first {
        bookmarks::sort_newest_first(&mut all);
    } else {
        bookmarks::sort_in_article_order(&mut all);
    }
    let all = &all[..];
    let id = doc.map(Document::id);
    let rows: Vec<(&Bookmark, Option<usize>)> = all
        .iter()
        .filter(|b| match (doc, &id) {
            (Some(d), Some(id)) => identity::belongs_to(b, d, id),
            _ => true,
        })
        .collect::<Vec<&Bookmark>>()
        .into_iter()
        .zip(match doc {
            // One pass over the text for every bookmark found again.
            Some(d) => {
                let mine: Vec<&Bookmark> = all
                    .iter()
                    .filter(|b| id.as_ref().is_some_and(|id| identity::belongs_to(b, d, id)))
                    .collect();
                bookmarks::locate_all(&mine, d).into_iter().map(|r| r.map(|r| d.line_of(r.start))).collect()
            }
            None => all.iter().map(|b| Some(b.line as usize)).collect::<Vec<_>>(),
        })
        .collect();
    let mut rows = rows;
    if !listing.newest_first && doc.is_some() {
        // Where each passage is now, which the stored offsets may no longer say.
        rows.sort_by_key(|(_, line)| (line.is_none(), *line));
    }
    if json {
        let entries: Vec<Listed> =
            rows.iter().map(|(b, l)| Listed { bookmark: b, detached: l.is_none() }).collect();
        crate::sanitize::write_json(&mut *out, &entries)?;
        return writeln!(out);
    }
    for (b, line) in rows {
        let line = line.map_or_else(|| "detached".to_string(), |l| l.to_string());
        let title = if doc.is_none() { format!("{}\t", clean(&b.title)) } else { String::new() };
        let speaker = clean(b.speaker.as_deref().unwrap_or(""));
        let quote = crate::layout::linebreak::display_text(&b.quote, &listing.wrap);
        writeln!(out, "{title}{line}\t{speaker}\t{}\t{}", clean(&quote), clean(&b.note))?;
    }
    Ok(())
}

/// `yuedu bookmarks export`: Markdown quote blocks (texts as the pane shows them), or JSON
/// (as stored); in the articles' order or newest first.
pub fn export(all: &[Bookmark], json: bool, listing: &Listing, out: &mut impl Write) -> std::io::Result<()> {
    let mut all = all.to_vec();
    if listing.newest_first {
        bookmarks::sort_newest_first(&mut all);
    } else {
        bookmarks::sort_in_article_order(&mut all);
    }
    if json {
        crate::sanitize::write_json(&mut *out, &all)?;
        return writeln!(out);
    }
    let shown = |s: &str| crate::layout::linebreak::display_text(s, &listing.wrap);
    bookmarks::export_markdown(&all, &shown, out)
}
