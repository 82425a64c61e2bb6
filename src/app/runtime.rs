//! The reader's runtime: performs the effects an action returned ([`Effect`]), the only
//! place in `app` where a key press reads or writes a file, and hands each result back to
//! the state.

use std::time::Instant;

use super::App;
use super::effect::Effect;
use super::loading::Loader;
use super::reload::stamp_of;

impl App {
    /// Performs `effects` in order, then works out what the next frame shows.
    pub fn perform(&mut self, effects: Vec<Effect>) {
        self.entry(|app| {
            for effect in effects {
                app.perform_one(effect);
            }
        });
    }

    /// What the event loop does when no input came in its wait: takes the loader's news,
    /// if it has any ([`App::loader_news`]), saves the reading place when it is time
    /// ([`App::tick`], while the rest of the text is read too), looks at the file on disk
    /// ([`App::watch`]) and moves auto-scroll on. Returns whether the screen must be drawn
    /// again: with nothing new, the frame on screen stays as it is.
    pub fn between_events(&mut self, now: Instant, loader: Option<&mut Loader>) -> bool {
        let news = loader.and_then(Loader::poll).is_some_and(|news| self.loader_news(news));
        let scrolled = self.scroll_tick(now);
        let failed = self.tick(now);
        let noticed = self.watch(now);
        let quotes = self.quotes_arrived();
        news || scrolled || failed || noticed || quotes
    }

    fn perform_one(&mut self, effect: Effect) {
        match effect {
            Effect::CheckSource => {
                let now = self.source.as_ref().map(|s| stamp_of(&s.path));
                if let Some(now) = now {
                    self.source_checked(now);
                }
            }
            Effect::SaveBookmark { bookmark, what } => {
                // Bookmarks of an earlier version or a moved file take this text's identity.
                let up = self.quotes.upgrades(&self.doc);
                let highlight = bookmark.is_highlight();
                let result = self.quotes.store.as_ref().map(|s| s.add_upgrading(bookmark, &up));
                self.bookmark_saved(result, &what, highlight);
            }
            Effect::DeleteBookmark(b) => {
                let up = self.quotes.upgrades(&self.doc);
                let result = self.quotes.store.as_ref().map(|s| s.remove_upgrading(&b.id, &up));
                self.bookmark_deleted(result, b);
            }
            Effect::RestoreBookmark(b) => {
                let up = self.quotes.upgrades(&self.doc);
                let result = self.quotes.store.as_ref().map(|s| s.add_upgrading(b.clone(), &up));
                self.bookmark_restored(result, b);
            }
            Effect::OpenBookmarks => {
                let loaded = self.quotes.store.as_ref().map(|s| s.load());
                self.open_bookmarks(loaded);
            }
            Effect::OpenShelf => {
                let Some(store) = self.resume.store().cloned() else { return };
                let saved = self.save_position();
                let listed = store.shelf();
                self.open_shelf(saved, listed, super::shelf::missing);
            }
            Effect::ForgetShelfEntry { key, title } => {
                let Some(store) = self.resume.store().cloned() else { return };
                self.shelf_entry_forgotten(store.forget(&key), &title);
            }
            Effect::RestoreShelfEntry { at, key, entry } => {
                let Some(store) = self.resume.store().cloned() else { return };
                let gone = super::shelf::missing(&entry);
                self.shelf_entry_restored(store.restore(&key, &entry), at, (key, *entry), gone);
            }
            Effect::OpenText(path, encoding) => {
                if path.is_file() {
                    self.open_text(&path, encoding);
                } else {
                    self.shelf_entry_missing(&path);
                }
            }
            Effect::OpenBundled => self.open_bundled(),
            Effect::Reload => self.reload(),
            Effect::ReadTail => {
                let end = self.tail_source().and_then(|(path, encoding, len)| {
                    crate::document::tail::read_end(&path, encoding, len, crate::document::tail::TAIL_BYTES)
                });
                self.tail_read(end);
            }
            Effect::RememberComfort => self.remember_now(),
            Effect::SaveSettings(entries) => self.save_settings_now(&entries),
            Effect::Copy(text) => self.passage.clipboard.push(text),
        }
    }
}
