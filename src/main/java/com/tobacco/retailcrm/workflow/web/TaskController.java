package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskView;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 待办 over HTTP: my open tasks and completing one (docs/api.md, workflow). */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final ToDoList toDo;

    TaskController(ToDoList toDo) {
        this.toDo = toDo;
    }

    /**
     * {@code mine=true} (default): the open tasks the caller may complete. {@code mine=false}: the open tasks of the
     * caller's scope that others must complete (for those who supervise; 403 for anyone without such a scope).
     */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> list(@RequestParam(defaultValue = "true") boolean mine, @RequestParam(required = false) Boolean overdue) {
        List<TaskView> tasks = mine ? toDo.myTasks(overdue) : toDo.othersTasks(overdue);
        return Map.of("items", tasks.stream().map(TaskJson::of).toList(), "total", tasks.size(), "page", 0,
                "size", tasks.size());
    }

    /** The answer is the completed item's own JSON: its case, or what its source answers (see ToDoList#complete). */
    @PostMapping("/{id}/complete")
    @PreAuthorize("isAuthenticated()")
    Object complete(@PathVariable String id, @RequestBody TaskCompletion completion) {
        return toDo.complete(id, completion);
    }
}
