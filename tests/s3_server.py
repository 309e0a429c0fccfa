"""A local S3-compatible server for the object storage tests: moto's standalone server.

`running_moto_server()` starts `python -m moto.server` on 127.0.0.1 on a free port as a
subprocess, waits until it answers, creates the bucket with boto3, and stops the server when
the block ends (always, also on error). The media storage configuration the tests use is the
one `brandkit/settings.py` builds from the documented environment variables
(BRANDKIT_MEDIA_STORAGE=s3 and AWS_*), so the tests exercise what production reads.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "brandkit-test-media"
REGION = "eu-north-1"
ACCESS_KEY = "brandkit-test-access-key"
SECRET_KEY = "brandkit-test-secret-key"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_environment(endpoint_url: str, bucket: str = BUCKET) -> dict[str, str]:
    """The production environment variables for object storage, pointing at the server."""
    return {
        "BRANDKIT_MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint_url,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def storage_config_from_settings(env: dict[str, str]) -> dict:
    """STORAGES["default"] as brandkit.settings builds it from `env` (in a clean process)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "BRANDKIT_"))}
    clean = {k: v for k, v in clean.items() if not k.startswith("AWS_")}
    clean.pop("DATABASE_URL", None)
    clean.update(env)
    clean["DJANGO_SECRET_KEY"] = "s3-test-settings-key-" + "x" * 40
    code = "import json, brandkit.settings as s; print(json.dumps(s.STORAGES['default']))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(f"brandkit.settings refused the S3 environment:\n{result.stderr}")
    return json.loads(result.stdout)


@dataclass
class S3Server:
    endpoint_url: str
    bucket: str = BUCKET
    storage_config: dict = field(default_factory=dict)

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def object_keys(self) -> list[str]:
        found: list[str] = []
        paginator = self.client().get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket):
            found += [item["Key"] for item in page.get("Contents", [])]
        return sorted(found)

    def read(self, key: str) -> bytes:
        return self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def empty(self) -> None:
        client = self.client()
        for key in self.object_keys():
            client.delete_object(Bucket=self.bucket, Key=key)


def _wait_until_answering(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"moto server exited with {process.returncode}:\n{log.read_text(errors='replace')}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own loopback URL
                return
        except urllib.error.HTTPError:
            return  # it answers (any HTTP status will do)
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto server did not answer on {url} within {START_TIMEOUT:.0f} s")


@contextlib.contextmanager
def running_moto_server() -> Iterator[S3Server]:
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="brandkit-moto-") as folder:
        log = Path(folder) / "moto.log"
        with log.open("wb") as log_file:
            env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
            process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=folder,
            )
        try:
            _wait_until_answering(endpoint + "/", process, log)
            server = S3Server(endpoint_url=endpoint)
            server.client().create_bucket(
                Bucket=server.bucket,
                CreateBucketConfiguration={"LocationConstraint": REGION},
            )
            server.storage_config = storage_config_from_settings(s3_environment(endpoint))
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
