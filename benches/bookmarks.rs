//! The bookmarks file at scale: `m` (add a bookmark) on a file of 100,000 bookmarks,
//! and finding 1,000 detached bookmarks again on a generated novel in one pass, and 1,000
//! whose text moved (an edit above them), each taken at the occurrence nearest its old offset.
//!
//! `cargo bench --bench bookmarks`; `YUEDU_BENCH_MB=200` changes the size of the novel.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use yuedu::document::{Document, load};
use yuedu::store::bookmarks::{Bookmark, Store, locate_all};

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

fn size_mb() -> usize {
    std::env::var("YUEDU_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(50)
}

fn bookmark(i: usize, quote: String) -> Bookmark {
    Bookmark {
        id: format!("id-{i}"),
        article: "0123456789abcdef".into(),
        title: "上海从“建框架”向“强功能”跃升".into(),
        section: "创新策源".into(),
        quote,
        speaker: None,
        speaker_title: None,
        note: String::new(),
        line: 9,
        start: 1200,
        end: 1290,
        created: "2026-11-26T10:00:00+08:00".into(),
        path: None,
        kind: None,
        extra: toml::Table::new(),
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("bookmarks");
    g.sample_size(10).measurement_time(Duration::from_secs(10));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.toml");
    let mut text = String::new();
    for i in 0..100_000 {
        let b = bookmark(i, format!("这里不仅汇聚了整条产业链的上下游企业{i}"));
        let one = toml::to_string(&std::collections::BTreeMap::from([("bookmark", vec![b])])).expect("toml");
        text.push_str(&one);
        text.push('\n');
    }
    std::fs::write(&path, &text).expect("write");
    // The reader reads the file when it opens; each `m` then adds one bookmark.
    let store = Store::new(&path);
    store.load().expect("load");
    let mut n = 1_000_000;
    g.bench_function("m on 100,000 bookmarks", |b| {
        b.iter(|| {
            n += 1;
            black_box(store.add(bookmark(n, "新的一条".into())).expect("add"));
        })
    });

    let novel = bigtext::novel(size_mb() << 20, 2_500);
    let doc = Document::new("novel.txt", load::decode(novel.as_bytes(), None).expect("decode"));
    let detached: Vec<Bookmark> = (0..1_000).map(|i| bookmark(i, format!("不在文中的第{i}句话"))).collect();
    let refs: Vec<&Bookmark> = detached.iter().collect();
    g.bench_function(format!("find 1,000 detached again in {} MB", size_mb()), |b| {
        b.iter(|| black_box(locate_all(&refs, &doc)))
    });
    // Passages of the novel itself, saved at offsets an edit above them made stale: each is
    // found again at the occurrence nearest its old offset (the generated novel repeats its
    // sentences, so most occur many times).
    let moved: Vec<Bookmark> = (0..1_000)
        .map(|i| {
            let mut at = novel.len() / 1_000 * i;
            while !novel.is_char_boundary(at) {
                at += 1;
            }
            let quote: String = novel[at..].chars().take(12).collect();
            let mut b = bookmark(i, quote);
            b.start = at as u64 + 40;
            b.end = b.start + 36;
            b
        })
        .collect();
    let refs: Vec<&Bookmark> = moved.iter().collect();
    g.bench_function(format!("find 1,000 moved again in {} MB", size_mb()), |b| {
        b.iter(|| black_box(locate_all(&refs, &doc)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
