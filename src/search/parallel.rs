//! The threads of a search: the calling thread works, and a few helper threads join it.
//!
//! A search has two parallel phases (collecting the segments, making the page's hits), each
//! well under a millisecond. tantivy's executor hands a phase to its pool and puts the caller
//! to sleep: a pool thread is woken to run the phase, it wakes another for half the tasks,
//! and the caller is woken at the end — three wake-ups a phase, each tens of microseconds on
//! a virtual machine. Here the caller claims tasks itself from the start while the helpers
//! (one per other core) are woken: when a helper is slow to wake, the caller has done more of
//! the work instead of waiting for it, and it never sleeps while there is work left.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a helper stays awake after its last task, and how long the caller waits awake
/// for the helpers' last items: long enough to bridge the gaps between the phases of a
/// search and between the searches of a batch (tens of microseconds), short enough not to
/// matter to an idle machine. A thread put to sleep takes tens of microseconds to wake on a
/// virtual machine, several times a search.
const STAY_AWAKE: Duration = Duration::from_micros(200);

/// A wait of at most [`STAY_AWAKE`], reading the clock every few rounds only.
struct Awake {
    since: Instant,
    rounds: std::cell::Cell<u32>,
}

impl Awake {
    fn new() -> Awake {
        Awake {
            since: Instant::now(),
            rounds: std::cell::Cell::new(0),
        }
    }

    /// Whether to go on waiting: until [`STAY_AWAKE`] has passed.
    fn still(&self) -> bool {
        let rounds = self.rounds.get().wrapping_add(1);
        self.rounds.set(rounds);
        rounds % 32 != 0 || self.since.elapsed() < STAY_AWAKE
    }
}

/// The calling thread plus `cores − 1` helper threads.
///
/// Helpers take only the cores that no other search holds: when several threads search at
/// once (a server), each caller already has a core, and a helper would only take turns with
/// them — waking, spinning while it waits for work ([`STAY_AWAKE`]), and making its caller
/// wait for items it holds while descheduled. So a search uses `threads − searches in
/// flight` helpers (none when every core runs a search), and helpers stay awake after a
/// search only when no other search is running.
pub(crate) struct Workers {
    /// The helpers; `None` with one core.
    pool: Option<rayon::ThreadPool>,
    /// The number of helper threads.
    helpers: usize,
    /// Helpers staying awake (see [`STAY_AWAKE`]).
    awake: Arc<AtomicUsize>,
    /// Calls of [`Workers::map_with`] in flight (searches running at once).
    callers: AtomicUsize,
}

/// Counts a call in flight while it lives.
struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Workers {
    /// Workers for `threads` threads in all: the caller and `threads − 1` helpers.
    pub fn new(threads: usize) -> tantivy::Result<Workers> {
        let helpers = threads.saturating_sub(1);
        let pool = match helpers {
            0 => None,
            n => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("telusur-search-{i}"))
                    .build()?,
            ),
        };
        Ok(Workers {
            pool,
            helpers,
            awake: Arc::default(),
            callers: AtomicUsize::new(0),
        })
    }

    /// `f` applied to each of `items`, the results in the order of `items`. The caller and
    /// the helpers claim items one at a time; each thread that takes part makes its own state
    /// with `init` before its first item.
    pub fn map_with<A, S, R>(
        &self,
        items: &[A],
        init: impl Fn() -> S + Sync,
        f: impl Fn(&mut S, &A) -> R + Sync,
    ) -> Vec<R>
    where
        A: Sync,
        R: Send,
    {
        let in_flight = self.callers.fetch_add(1, Ordering::AcqRel) + 1;
        let _counted = InFlight(&self.callers);
        // The cores that no other search holds.
        let free = (self.helpers + 1).saturating_sub(in_flight);
        let helpers = self.helpers.min(items.len().saturating_sub(1)).min(free);
        let pool = match &self.pool {
            Some(pool) if helpers > 0 => pool,
            _ => {
                let mut state = init();
                return items.iter().map(|a| f(&mut state, a)).collect();
            }
        };
        let next = AtomicUsize::new(0);
        let unfinished = AtomicUsize::new(items.len());
        let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
        let work = || {
            let mut state = None;
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let state = state.get_or_insert_with(&init);
                mine.push((i, f(state, item)));
                unfinished.fetch_sub(1, Ordering::Release);
            }
            // A panic in `f` is re-raised by the scope; the lock is then never poisoned here.
            done.lock().unwrap_or_else(|e| e.into_inner()).extend(mine);
        };
        pool.in_place_scope(|scope| {
            for _ in 0..helpers {
                scope.spawn(|_| work());
            }
            work();
            // The helpers' last items: waited for awake, briefly, before the scope's end
            // would put this thread to sleep.
            let awake = Awake::new();
            while unfinished.load(Ordering::Acquire) > 0 && awake.still() {
                std::hint::spin_loop();
            }
        });
        if self.callers.load(Ordering::Acquire) == 1 {
            self.stay_awake(pool, helpers);
        }
        let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
        done.sort_unstable_by_key(|&(i, _)| i);
        done.into_iter().map(|(_, r)| r).collect()
    }

    /// Keeps `busy` helpers (those a search just used: on a machine of many cores, the
    /// others need not wait) awake for [`STAY_AWAKE`] after their last task: each that is not
    /// already awake gets a task that waits, running any task that comes meanwhile, until
    /// none has come for that long.
    fn stay_awake(&self, pool: &rayon::ThreadPool, busy: usize) {
        for _ in 0..busy {
            let awake = Arc::clone(&self.awake);
            // One waiting task per helper at most (a waiting task runs the tasks that come,
            // so a second one would nest in the first).
            if awake
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                    (n < busy).then_some(n + 1)
                })
                .is_err()
            {
                return;
            }
            pool.spawn(move || {
                let mut waiting = Awake::new();
                while waiting.still() {
                    match rayon::yield_now() {
                        Some(rayon::Yield::Executed) => waiting = Awake::new(),
                        _ => std::hint::spin_loop(),
                    }
                }
                awake.fetch_sub(1, Ordering::AcqRel);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_the_threads() {
        let items: Vec<u64> = (0..100).collect();
        for threads in [1, 2, 4] {
            let workers = Workers::new(threads).unwrap();
            assert_eq!(workers.helpers, threads - 1);
            let squares = workers.map_with(&items, || (), |_, &x| x * x);
            assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
        }
    }

    #[test]
    fn each_thread_makes_its_state_once() {
        let made = AtomicUsize::new(0);
        let workers = Workers::new(2).unwrap();
        let items = vec![1u32; 64];
        let seen = workers.map_with(
            &items,
            || {
                made.fetch_add(1, Ordering::Relaxed);
                0u32
            },
            |calls, &x| {
                *calls += x;
                *calls
            },
        );
        let made = made.load(Ordering::Relaxed);
        assert!((1..=2).contains(&made), "{made} states for 2 threads");
        // Each thread counts its own calls from 1: one 1 per thread that took part, and
        // every item seen once.
        assert_eq!(seen.iter().filter(|&&c| c == 1).count(), made);
        assert_eq!(seen.len(), items.len());
    }

    #[test]
    fn searches_in_flight_leave_the_helpers_alone() {
        let workers = Workers::new(2).unwrap();
        let items: Vec<u32> = (0..8).collect();
        // Another search holds the second core: this one runs on its caller alone.
        workers.callers.fetch_add(1, Ordering::AcqRel);
        let threads = workers.map_with(&items, || (), |_, _| std::thread::current().id());
        assert!(threads.iter().all(|&t| t == std::thread::current().id()));
        assert_eq!(
            workers.awake.load(Ordering::Acquire),
            0,
            "no helper kept awake"
        );
        workers.callers.fetch_sub(1, Ordering::AcqRel);
        assert_eq!(workers.callers.load(Ordering::Acquire), 0);
        // Alone, it may use the helper (and counts itself out afterwards).
        let sums = workers.map_with(&items, || (), |_, &x| x * 2);
        assert_eq!(sums, (0..8).map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(workers.callers.load(Ordering::Acquire), 0);
    }

    #[test]
    fn helpers_stay_awake_a_moment_then_stop() {
        let workers = Workers::new(3).unwrap();
        let items: Vec<u32> = (0..16).collect();
        let expected: Vec<u32> = (1..17).collect();
        // Back-to-back calls: the waiting tasks run the next calls' tasks, one per helper
        // at most.
        for _ in 0..500 {
            assert_eq!(workers.map_with(&items, || (), |_, &x| x + 1), expected);
            assert!(workers.awake.load(Ordering::Acquire) <= 2);
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while workers.awake.load(Ordering::Acquire) > 0 {
            assert!(Instant::now() < deadline, "helpers still awake after 10 s");
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}
