//! The `telusur` command line: parses arguments, calls the library, prints.

mod cli;

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    cli::main()
}

/// Caps glibc's malloc arenas at two, unless `MALLOC_ARENA_MAX` says otherwise. glibc gives
/// each thread that allocates its own arena (up to 8 per core); indexing's threads (parsing,
/// extraction, the writer's, the merges') allocate and free large short-lived buffers, and each
/// arena keeps its free memory: a 1M-article run held 1,104 MiB of anonymous memory at its
/// peak with the default and 918 MiB with two arenas, at the same speed (`bench_e2e`, dense
/// corpus). Library users choose their process's allocator themselves.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: `mallopt` only sets a parameter of the allocator, and this runs first in
        // `main`, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
