"""Let users imported from the Flask app sign in with the passwords they already have."""

# --8<-- [start:hasher]
import base64

from django.contrib.auth.hashers import ScryptPasswordHasher


class WerkzeugScryptPasswordHasher(ScryptPasswordHasher):
    """Checks Werkzeug's scrypt hashes, stored as werkzeug_scrypt$n$salt$r$p$base64.

    After a successful sign-in Django re-hashes the password with the first
    hasher in PASSWORD_HASHERS, so these hashes disappear as users return.
    """

    algorithm = "werkzeug_scrypt"
    maxmem = 132 * 2**15 * 8  # Werkzeug's n=2**15, r=8 needs more than OpenSSL's default


def from_werkzeug(werkzeug_hash):
    """'scrypt:32768:8:1$salt$hex' (generate_password_hash) -> this hasher's format."""
    method, salt, hex_digest = werkzeug_hash.split("$")
    name, *parameters = method.split(":")
    if name != "scrypt":
        raise ValueError(f"only Werkzeug's scrypt hashes are converted, not {name!r}")
    n, r, p = parameters
    digest = base64.b64encode(bytes.fromhex(hex_digest)).decode("ascii")
    return f"{WerkzeugScryptPasswordHasher.algorithm}${n}${salt}${r}${p}${digest}"


# --8<-- [end:hasher]


# --8<-- [start:way-back]
def to_werkzeug(django_hash):
    """'pbkdf2_sha256$iterations$salt$base64' (Django's default) -> Werkzeug's format."""
    algorithm, *parts = django_hash.split("$")
    if algorithm != "pbkdf2_sha256":
        raise ValueError(f"only Django's pbkdf2_sha256 hashes are converted, not {algorithm!r}")
    iterations, salt, digest = parts
    # The same PBKDF2-SHA256 bytes: Django stores them in base64, Werkzeug in hex.
    return f"pbkdf2:sha256:{iterations}${salt}${base64.b64decode(digest).hex()}"


# --8<-- [end:way-back]
