#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the end-to-end tests, CJK fonts so Chinese renders
# (not as boxes) in screenshots and PDFs, LibreOffice to recalculate exported workbooks, poppler to
# turn their PDFs into pictures. Idempotent: installs only what is missing.
set -euo pipefail
packages=(chromium fonts-noto-cjk libreoffice-calc-nogui poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Please install as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
