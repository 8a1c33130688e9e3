// swc's parser and the passes allocate and free many small nodes; mimalloc does that faster
// than the system allocator and gives large files' memory back without stalls.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    faas_migrate::command_line()
}
