package com.tobacco.retailcrm.shared.infrastructure;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a malformed path, say): problem+json
 * like every other error of the system, instead of Tomcat's English HTML page. Errors inside the application never
 * get here: Spring's error handling has written them already.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String title = status == 400 ? "请求有误" : status == 404 ? "未找到" : status < 500 ? "请求无法处理" : "系统错误";
        String detail = status < 500 ? "请求的格式不正确，服务器无法处理" : "系统内部错误，请稍后再试或联系管理员";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was taken over meanwhile: nothing left to tell the client.
        }
    }
}
