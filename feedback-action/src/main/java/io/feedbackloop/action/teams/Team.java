package io.feedbackloop.action.teams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A team that owns cases, with the calendar its business-hours SLAs are counted in. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    /** A slug such as {@code customer-care}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** An IANA zone such as {@code Europe/Berlin}: working hours are local to the team. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** MON, TUE, ... */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "work_days", columnDefinition = "varchar(3)[]", nullable = false)
    public String[] workDays = new String[0];

    @Column(name = "work_start", nullable = false)
    public LocalTime workStart;

    @Column(name = "work_end", nullable = false)
    public LocalTime workEnd;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "date[]", nullable = false)
    public LocalDate[] holidays = new LocalDate[0];

    /** The team that owns a case no routing rule matched. */
    @Column(nullable = false)
    public boolean fallback;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static List<Team> inOrder() {
        return list("order by id");
    }

    public static Team fallbackTeam() {
        return find("fallback = true order by createdAt, id").firstResult();
    }
}
