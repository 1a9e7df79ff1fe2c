"""Which BLAS library this Python process has loaded, read from /proc/self/maps (Linux).

Debian's python3-numpy and python3-torch link against the generic libblas.so.3, which the
alternatives system points at whatever BLAS is installed: OpenBLAS when libopenblas0 is, else
the unoptimised reference BLAS (libblas3, /usr/lib/<arch>/blas/), with which PyTorch's matrix
products run many times slower. A side-by-side against the reference BLAS flatters Descent, so
each script reports what it runs on:

    {"measure": "blas", "libraries": ["/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"],
     "reference": false}

Call report() after a matrix product has run, so that a lazily loaded library is mapped.
"""

import json
import os

OPTIMISED = ("openblas", "mkl", "blis", "atlas")


def libraries():
    """The real paths of the mapped shared libraries whose names mention blas or mkl, sorted."""
    found = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                fields = line.split()
                if len(fields) < 6:
                    continue
                name = os.path.basename(fields[5]).lower()
                if "blas" in name or "mkl" in name:
                    found.add(os.path.realpath(fields[5]))
    except OSError:
        pass
    return sorted(found)


def is_reference(paths):
    """Whether the libraries include a BLAS that is none of the optimised ones."""
    return any("libblas" in os.path.basename(p) and not any(o in p.lower() for o in OPTIMISED) for p in paths)


def report():
    """Prints the JSON line above and flushes it."""
    paths = libraries()
    print(json.dumps({"measure": "blas", "libraries": paths, "reference": is_reference(paths)}), flush=True)
