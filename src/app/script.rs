//! The script the text is shown in (`t`): as written, 简体, 繁體. Changing it re-wraps the
//! text in the new script, keeps the first character in view, and carries the search over:
//! its query is converted with the text (unless the text goes back to as written) and its
//! matches found again in what is now shown. Every position stays a byte offset of the source.

use super::App;
use super::state::search::Query;
use crate::i18n::Msg;

impl App {
    /// Shows the text in the next script of the cycle.
    pub fn cycle_script(&mut self) {
        self.script = self.script.next(self.config.script.standard());
        self.rewrap();
        if let Some(query) = self.search.query.take() {
            let text = crate::text::script::convert_text(query.text(), self.script);
            self.search.query = Query::shown_in(&text, self.script);
            if let Some(q) = &self.search.query {
                let all = q.find_all(&self.doc.text);
                let current = self.search.current.take();
                self.search.current = current.and_then(|c| all.iter().find(|m| m.start >= c.start).cloned());
                self.search.matches = Some(all);
            }
        }
        self.say(Msg::ScriptShown(self.script));
        self.view_changed();
    }
}
