"""Compiles and runs format_check.cpp (with src/print.cpp and src/model/date.cpp, all the code its
checks reach) against LLVM's libc++ from the pinned `ziglang` package, whose <format> GCC 12's
libstdc++ lacks. Only Boost's headers are taken from the system, through a folder holding nothing
else, so the system's C library headers never mix with zig's.

    python run.py SOURCE_DIR BOOST_INCLUDE_DIR WORK_DIR
"""

from __future__ import annotations

import os
import subprocess
import sys


def main() -> int:
    source, boost_include, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    only_boost = os.path.join(work, "boost-only")
    os.makedirs(only_boost, exist_ok=True)
    link = os.path.join(only_boost, "boost")
    if not os.path.islink(link):
        os.symlink(os.path.join(boost_include, "boost"), link)
    program = os.path.join(work, "format_check")
    sources = [os.path.join(source, p) for p in
               ("tests/format_check/format_check.cpp", "src/print.cpp", "src/model/date.cpp")]
    env = dict(os.environ)
    env.setdefault("ZIG_GLOBAL_CACHE_DIR", os.path.join(work, "zig-cache"))
    env.setdefault("ZIG_LOCAL_CACHE_DIR", os.path.join(work, "zig-cache"))
    subprocess.run([sys.executable, "-m", "ziglang", "c++", "-std=c++20", "-O1", "-Wall", "-Wextra", "-Werror",
                    "-I", os.path.join(source, "include"), "-isystem", only_boost, "-o", program, *sources],
                   check=True, env=env)
    return subprocess.run([program]).returncode


if __name__ == "__main__":
    sys.exit(main())
