//! Arbitrary text as a user config.toml: never a panic, errors on one line naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    yuedu_fuzz::check_config(&text);
});
