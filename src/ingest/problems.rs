//! [`Problems`]: what was skipped or ignored in a run, in bounded memory.
//!
//! A file of three million bad lines makes three million problems; keeping each one took
//! 640 MB. A run keeps instead a count per reason, the first [`PROBLEM_EXAMPLES`] of each
//! reason, and at most [`MAX_PROBLEM_REASONS`] reasons (problems of further reasons are only
//! counted), and says so when it shows them.

use std::collections::HashMap;

use serde::Serialize;

use super::Problem;
use crate::limits::{MAX_PROBLEM_REASONS, PROBLEM_EXAMPLES};

/// One reason with how often it occurred and its first examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The reason, for humans.
    pub reason: String,
    /// Problems with this reason.
    pub count: usize,
    /// The first of them (at most [`PROBLEM_EXAMPLES`]), in input order.
    pub examples: Vec<Problem>,
}

/// Problems counted per reason with a bounded sample of each: every problem is counted, and
/// the first [`PROBLEM_EXAMPLES`](crate::limits::PROBLEM_EXAMPLES) of each of the first
/// [`MAX_PROBLEM_REASONS`](crate::limits::MAX_PROBLEM_REASONS) reasons are kept.
///
/// ```
/// use telusur::ingest::{Problem, Problems};
/// let mut problems = Problems::default();
/// for line in 1..=1000 {
///     problems.push(Problem { path: "x.jsonl".into(), line: Some(line), reason: "not valid JSON".into() });
/// }
/// assert_eq!(problems.total(), 1000);
/// let groups = problems.by_reason();
/// assert_eq!((groups[0].count, groups[0].examples.len()), (1000, 10));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    total: usize,
    reasons: Vec<ReasonCount>,
    index: HashMap<String, usize>,
    uncategorised: usize,
}

impl Problems {
    /// Counts one problem, keeping it when its reason has fewer than [`PROBLEM_EXAMPLES`]
    /// examples.
    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if let Some(&i) = self.index.get(&p.reason) {
            let r = &mut self.reasons[i];
            r.count += 1;
            if r.examples.len() < PROBLEM_EXAMPLES {
                r.examples.push(p);
            }
        } else if self.reasons.len() < MAX_PROBLEM_REASONS {
            self.index.insert(p.reason.clone(), self.reasons.len());
            self.reasons.push(ReasonCount {
                reason: p.reason.clone(),
                count: 1,
                examples: vec![p],
            });
        } else {
            self.uncategorised += 1;
        }
    }

    /// Adds the problems of another collection (its counts, and its examples while there is
    /// room).
    pub fn merge(&mut self, other: Problems) {
        self.total += other.uncategorised;
        self.uncategorised += other.uncategorised;
        for r in other.reasons {
            let mut examples = r.examples.into_iter();
            let extra = r.count - examples.len();
            let Some(first) = examples.next() else {
                continue;
            };
            self.push(first);
            for p in examples {
                self.push(p);
            }
            // The other's uncounted occurrences of the same reason.
            self.total += extra;
            match self.index.get(&r.reason) {
                Some(&i) => self.reasons[i].count += extra,
                None => self.uncategorised += extra,
            }
        }
    }

    /// Problems counted in all.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Whether there was no problem.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Problems of reasons beyond the first [`MAX_PROBLEM_REASONS`]: counted, not kept.
    pub fn uncategorised(&self) -> usize {
        self.uncategorised
    }

    /// The reasons, most frequent first (ties: the first met first).
    pub fn by_reason(&self) -> Vec<&ReasonCount> {
        let mut v: Vec<&ReasonCount> = self.reasons.iter().collect();
        v.sort_by_key(|r| std::cmp::Reverse(r.count));
        v
    }

    /// The kept problems: each reason's examples, reasons in the order first met.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.into_iter()
    }

    /// The first kept problem (of the reason met first).
    pub fn first(&self) -> Option<&Problem> {
        self.iter().next()
    }

    /// Whether fewer problems are kept than were counted (so a listing must say "and N more").
    pub fn is_sampled(&self) -> bool {
        self.iter().count() < self.total
    }
}

/// The kept problems, as [`Problems::iter`].
impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::iter::FlatMap<
        std::slice::Iter<'a, ReasonCount>,
        std::slice::Iter<'a, Problem>,
        fn(&'a ReasonCount) -> std::slice::Iter<'a, Problem>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        fn examples(r: &ReasonCount) -> std::slice::Iter<'_, Problem> {
            r.examples.iter()
        }
        self.reasons.iter().flat_map(examples as fn(_) -> _)
    }
}

impl Extend<Problem> for Problems {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, iter: I) {
        for p in iter {
            self.push(p);
        }
    }
}

impl FromIterator<Problem> for Problems {
    fn from_iter<I: IntoIterator<Item = Problem>>(iter: I) -> Self {
        let mut p = Problems::default();
        p.extend(iter);
        p
    }
}

/// Serialised as `{"total": N, "by_reason": [{"reason", "count", "examples": [...]}, ...],
/// "uncategorised": N}`, most frequent reason first.
impl Serialize for Problems {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            total: usize,
            by_reason: Vec<&'a ReasonCount>,
            uncategorised: usize,
        }
        Out {
            total: self.total,
            by_reason: self.by_reason(),
            uncategorised: self.uncategorised,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(reason: &str, line: usize) -> Problem {
        Problem {
            path: "f".into(),
            line: Some(line),
            reason: reason.into(),
        }
    }

    #[test]
    fn memory_is_bounded_and_counts_are_exact() {
        let mut ps = Problems::default();
        for i in 0..100_000 {
            ps.push(p(&format!("reason {}", i % 1000), i));
        }
        assert_eq!(ps.total(), 100_000);
        assert_eq!(ps.reasons.len(), MAX_PROBLEM_REASONS);
        assert!(ps.iter().count() <= MAX_PROBLEM_REASONS * PROBLEM_EXAMPLES);
        let counted: usize = ps.by_reason().iter().map(|r| r.count).sum();
        assert_eq!(counted + ps.uncategorised(), 100_000);
        assert!(ps.is_sampled());
    }

    #[test]
    fn merge_keeps_counts() {
        let mut a: Problems = (0..15).map(|i| p("x", i)).collect();
        let b: Problems = (0..25)
            .map(|i| p(if i % 5 == 0 { "y" } else { "x" }, i))
            .collect();
        a.merge(b);
        assert_eq!(a.total(), 40);
        let g = a.by_reason();
        assert_eq!((g[0].reason.as_str(), g[0].count), ("x", 35));
        assert_eq!((g[1].reason.as_str(), g[1].count), ("y", 5));
        assert_eq!(g[0].examples.len(), PROBLEM_EXAMPLES);
        assert_eq!(g[0].examples[0].line, Some(0));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["total"], 40);
        assert_eq!(json["by_reason"][0]["count"], 35);
    }
}
