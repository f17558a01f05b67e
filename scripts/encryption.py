"""Backups encrypted to age public keys (issue 18), through pyrage (rage, age in Rust).

Why age: a backup is encrypted to a public key (`age1…`, from `age-keygen`), so the server
that writes backups every night, and the storage that keeps them, hold nothing that can
read them; the secret key (`AGE-SECRET-KEY-1…`) stays with the newsroom, on paper or in a
password manager, and comes back only for a restore. Files are encrypted in 64 KiB chunks,
each authenticated: any change to an archive is found when it is read, and it is streamed,
so a large media folder never has to fit in memory. The format is a published standard:
`age --decrypt -i key.txt vestis-….tar.age > vestis-….tar` opens an archive without this
code. GnuPG does the same with far more to get wrong; `cryptography`'s Fernet is symmetric
(the server would hold the key) and reads a whole message into memory.
"""

import contextlib
import os
import threading

import pyrage
from pyrage import x25519

MAGIC = b"age-encryption.org/"
SUFFIX = ".age"


def recipients(keys):
    """The age public keys in `keys` (BACKUP_ENCRYPT_TO), or ValueError naming a bad one."""
    parsed = []
    for key in keys:
        try:
            parsed.append(x25519.Recipient.from_str(key.strip()))
        except pyrage.RecipientError:
            message = f"BACKUP_ENCRYPT_TO: {key!r} is not an age public key (age1…)"
            raise ValueError(message) from None
    return parsed


def identities(path):
    """The secret keys in the age identity file at `path` (as age-keygen writes it)."""
    keys = [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip().startswith("AGE-SECRET-KEY-")
    ]
    try:
        found = [x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        found = []
    if not found:
        raise ValueError(f"{path} holds no age secret key (AGE-SECRET-KEY-1…)")
    return found


def is_encrypted(path):
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


@contextlib.contextmanager
def encrypting(path, keys):
    """A file to write into; what is written lands in `path` (a new file) encrypted to
    `keys`. pyrage reads its input, so it runs in a thread at the other end of a pipe."""
    reading, writing = os.pipe()
    failures = []

    def encrypt():
        try:
            with os.fdopen(reading, "rb") as plain, open(path, "xb") as encrypted:
                pyrage.encrypt_io(plain, encrypted, keys)
        except BaseException as error:  # handed over to the writing thread below
            failures.append(error)

    thread = threading.Thread(target=encrypt, name="encrypt")
    thread.start()
    sink = os.fdopen(writing, "wb")
    try:
        yield sink
    except BrokenPipeError:
        if not failures:
            raise
    finally:
        with contextlib.suppress(BrokenPipeError):
            sink.close()  # the end of the input: the encryption finishes the file
        thread.join()
    if failures:
        raise failures[0]


def decrypt(path, keys, target):
    """Decrypt the archive at `path` with the secret `keys` into the new file `target`;
    ValueError says why it could not be."""
    try:
        with open(path, "rb") as encrypted, open(target, "xb") as plain:
            pyrage.decrypt_io(encrypted, plain, keys)
    except pyrage.DecryptError as error:
        if "No matching keys" in str(error):
            raise ValueError("it was encrypted for another key than the one given") from error
        raise ValueError(f"it is damaged ({error})") from error
    except OSError as error:
        if error.errno is not None:  # the disk's error, not the decryption's
            raise
        raise ValueError("it is damaged (a part of it fails its authentication)") from error
