#!/usr/bin/env python3
"""Makes the sandbox's sample media (committed; run again only to change them):
sample-voice.ogg, a 3-second voice-like tone in OGG/Opus as Telegram records voice notes
(needs `opusenc`, Debian package opus-tools), and sample-photo.png, figs drying on a tray
(pure Python, no imaging library)."""
import math, os, struct, subprocess, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def voice():
    rate, seconds = 16000, 3.0
    frames = bytearray()
    for n in range(int(rate * seconds)):
        t = n / rate
        # A voice-like glide with syllables: a falling pitch under a 4 Hz envelope.
        pitch = 180 + 40 * math.sin(2 * math.pi * 0.7 * t)
        env = max(0.0, math.sin(2 * math.pi * 2 * t)) ** 0.5 * min(1.0, t * 4, (seconds - t) * 4)
        s = env * (0.6 * math.sin(2 * math.pi * pitch * t) + 0.25 * math.sin(4 * math.pi * pitch * t))
        frames += struct.pack("<h", int(s * 12000))
    with tempfile.TemporaryDirectory() as d:
        wav = os.path.join(d, "v.wav")
        with open(wav, "wb") as f:
            f.write(b"RIFF" + struct.pack("<I", 36 + len(frames)) + b"WAVEfmt ")
            f.write(struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16))
            f.write(b"data" + struct.pack("<I", len(frames)) + frames)
        subprocess.run(["opusenc", "--quiet", "--bitrate", "16", "--comp", "10", wav,
                        os.path.join(HERE, "sample-voice.ogg")], check=True)


def photo():
    w, h = 320, 240
    rows = []
    figs = [(60 + 70 * (i % 4), 60 + 65 * (i // 4), 24 + (i * 7) % 8) for i in range(12)]
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            # The wooden tray, with slats.
            r, g, b = (176, 132, 84) if (y // 12) % 2 else (160, 118, 72)
            for cx, cy, rad in figs:
                dx, dy = x - cx, (y - cy) * 1.15
                d = math.hypot(dx, dy)
                if d < rad:
                    shade = 1 - 0.45 * d / rad
                    r, g, b = int(96 * shade + 30), int(52 * shade + 10), int(88 * shade + 20)
                    if d < rad * 0.25 and dy < 0:
                        r, g, b = 190, 150, 120
            row += bytes((r, g, b))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    with open(os.path.join(HERE, "sample-photo.png"), "wb") as f:
        f.write(png)


if __name__ == "__main__":
    voice()
    photo()
