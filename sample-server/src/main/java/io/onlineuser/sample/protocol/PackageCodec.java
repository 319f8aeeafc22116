package io.onlineuser.sample.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Package layer of the Pomelo wire protocol: type byte, 3-byte big-endian body length, body.
 * Stateless; used by the server's Netty handlers, the bots and the blocking test client.
 */
public final class PackageCodec {
    public static final int HEADER_LENGTH = 4;
    /** Bodies past this are refused: the 3-byte length would otherwise let a client claim 16 MiB. */
    public static final int DEFAULT_MAX_BODY_LENGTH = 64 * 1024;
    private static final int MAX_ENCODABLE_LENGTH = 0xFFFFFF;

    private PackageCodec() {
    }

    public static void encode(PomeloPackage pkg, ByteBuf out) {
        byte[] body = pkg.body();
        if (body.length > MAX_ENCODABLE_LENGTH) {
            throw new IllegalArgumentException("package body of " + body.length + " bytes does not fit 3 length bytes");
        }
        out.writeByte(pkg.type().code());
        out.writeMedium(body.length);
        out.writeBytes(body);
    }

    public static byte[] encode(PomeloPackage pkg) {
        ByteBuf buf = Unpooled.buffer(HEADER_LENGTH + pkg.body().length);
        encode(pkg, buf);
        return buf.array();
    }

    /**
     * Reads one package if the buffer holds a whole one; returns null (reading nothing) when more
     * bytes are needed. The type and length are checked as soon as the header is there, so junk
     * is refused without waiting for a body that will never come.
     */
    public static PomeloPackage decode(ByteBuf in, int maxBodyLength) {
        if (in.readableBytes() < HEADER_LENGTH) {
            return null;
        }
        int start = in.readerIndex();
        PackageType type = PackageType.fromCode(in.getUnsignedByte(start));
        int length = in.getUnsignedMedium(start + 1);
        if (length > maxBodyLength) {
            throw new ProtocolException("package body of " + length + " bytes exceeds the limit of " + maxBodyLength);
        }
        if (in.readableBytes() < HEADER_LENGTH + length) {
            return null;
        }
        in.skipBytes(HEADER_LENGTH);
        byte[] body = new byte[length];
        in.readBytes(body);
        return new PomeloPackage(type, body);
    }

    /** Decodes a buffer that must hold whole packages only, such as one WebSocket message. */
    public static List<PomeloPackage> decodeAll(ByteBuf in, int maxBodyLength) {
        List<PomeloPackage> packages = new ArrayList<>(1);
        while (in.isReadable()) {
            PomeloPackage pkg = decode(in, maxBodyLength);
            if (pkg == null) {
                throw new ProtocolException("truncated package: " + in.readableBytes() + " bytes left over");
            }
            packages.add(pkg);
        }
        return packages;
    }
}
