//! The reader's runtime: performs the effects an action returned ([`Effect`]), the only
//! place in `app` where a key press reads or writes a file, and hands each result back to
//! the state.

use super::App;
use super::effect::Effect;
use super::reload::stamp_of;

impl App {
    /// Performs `effects` in order, then works out what the next frame shows.
    pub fn perform(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            self.perform_one(effect);
        }
        self.refresh_view();
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
                let result = self.quotes.store.as_ref().map(|s| s.add(bookmark));
                self.bookmark_saved(result, &what);
            }
            Effect::DeleteBookmark(b) => {
                let result = self.quotes.store.as_ref().map(|s| s.remove(&b.id));
                self.bookmark_deleted(result, b);
            }
            Effect::RestoreBookmark(b) => {
                let result = self.quotes.store.as_ref().map(|s| s.add(b.clone()));
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
            Effect::OpenText(path) => {
                if path.is_file() {
                    self.open_text(&path);
                } else {
                    self.shelf_entry_missing(&path);
                }
            }
            Effect::Reload => self.reload(),
        }
    }
}
