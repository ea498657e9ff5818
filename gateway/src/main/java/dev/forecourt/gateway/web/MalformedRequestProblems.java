package dev.forecourt.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests the HTTP decoder itself refuses, before any Spring code sees them — a request line over
 * {@code server.netty.max-initial-line-length} (414), headers over {@code server.netty.max-header-size}
 * (431), a malformed request line such as one with a raw NUL or space in the path (400) — are
 * answered by Reactor Netty with an empty body. A handler right after the HTTP codec turns exactly
 * those answers (an error status, no content type, no content) into problem+json; every other
 * response passes untouched after one type check.
 */
@Component
public class MalformedRequestProblems implements NettyServerCustomizer {

    static final String HANDLER_NAME = "forecourt.malformedRequestProblems";
    private static final ChannelHandler HANDLER = new EmptyErrorToProblem();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, HANDLER);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class EmptyErrorToProblem extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && isEmptyError(response)) {
                ctx.write(problem(response), promise);
                return;
            }
            super.write(ctx, msg, promise);
        }

        private static boolean isEmptyError(FullHttpResponse response) {
            int status = response.status().code();
            return status >= 400 && !response.content().isReadable()
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private static FullHttpResponse problem(FullHttpResponse empty) {
            HttpResponseStatus status = empty.status();
            String slug = switch (status.code()) {
                case 414 -> "uri-too-long";
                case 431 -> "header-fields-too-large";
                case 413 -> "payload-too-large";
                default -> "bad-request";
            };
            String detail = switch (status.code()) {
                case 414 -> "The request line (method, path and query) is too long";
                case 431 -> "The request's headers are too large";
                default -> "The request is malformed and was not read";
            };
            byte[] body = Problems.json(status.code(), slug, status.reasonPhrase(), detail, null, null)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            FullHttpResponse problem = new DefaultFullHttpResponse(empty.protocolVersion(), status, Unpooled.wrappedBuffer(body));
            problem.headers().set(empty.headers())
                    .set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            empty.release();
            return problem;
        }
    }
}
