//! Keys → actions, per mode, and the reverse (action → keys) for the help and hints.

use std::collections::HashMap;

use super::action::{Action, Mode};
use super::keys::Key;

/// Whether two actions are read in a common mode (and so cannot share a key).
pub fn modes_overlap(a: Action, b: Action) -> bool {
    a.modes().iter().any(|m| b.modes().contains(m))
}

/// Keys → actions, per mode, and the reverse for the help.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    by_key: HashMap<(Mode, Key), Action>,
    by_action: HashMap<Action, Vec<Key>>,
}

impl Keymap {
    /// The action bound to `key` in `mode`.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.by_key.get(&(mode, key)).copied()
    }

    /// The keys bound to `action`, as written.
    pub fn keys(&self, action: Action) -> Vec<String> {
        self.by_action.get(&action).map(|ks| ks.iter().map(Key::display).collect()).unwrap_or_default()
    }

    /// Whether `key` is one of `action`'s keys (in any mode).
    pub fn binds(&self, action: Action, key: Key) -> bool {
        self.by_action.get(&action).is_some_and(|ks| ks.contains(&key))
    }

    /// The first key bound to `action`, for hints ("? help").
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.by_action.get(&action).and_then(|ks| ks.first()).map(Key::display)
    }

    /// The default bindings with the user's over them: an action the user lists gets exactly
    /// those keys, and other actions lose a default key the user gave away (where it clashes).
    pub(crate) fn build(defaults: &[(Action, Vec<Key>)], user: &[(Action, Vec<Key>)]) -> Keymap {
        let mut map = Keymap::default();
        for &action in Action::ALL {
            let keys: Vec<Key> = match user.iter().find(|(a, _)| *a == action) {
                Some((_, keys)) => keys.clone(),
                None => defaults
                    .iter()
                    .filter(|(a, _)| *a == action)
                    .flat_map(|(_, keys)| keys.iter().copied())
                    .filter(|k| {
                        !user
                            .iter()
                            .any(|(b, ks)| *b != action && modes_overlap(action, *b) && ks.contains(k))
                    })
                    .collect(),
            };
            for key in keys {
                let list = map.by_action.entry(action).or_default();
                if list.contains(&key) {
                    continue;
                }
                list.push(key);
                for &mode in action.modes() {
                    map.by_key.insert((mode, key), action);
                }
            }
        }
        map
    }
}
