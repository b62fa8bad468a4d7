package com.tobacco.retailcrm;

import com.tobacco.retailcrm.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 卷烟零售客户管理与服务系统 — the retail customer management and service system. */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class RetailCrmApplication {

    public static void main(String[] args) {
        if (RestoreCommand.isRestore(args)) {
            System.exit(RestoreCommand.run(args, System.out));
        }
        SpringApplication.run(RetailCrmApplication.class, args);
    }
}
