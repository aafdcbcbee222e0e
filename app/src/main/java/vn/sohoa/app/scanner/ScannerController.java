package vn.sohoa.app.scanner;

import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@ConditionalOnWebApplication
@Tag(name = "Scanning stations", description = "Thư mục quét (hot folder) của các máy quét")
class ScannerController {

    private final HotFolder hotFolder;
    private final AccessPolicy access;

    ScannerController(HotFolder hotFolder, AccessPolicy access) {
        this.hotFolder = hotFolder;
        this.access = access;
    }

    /** The hot folder and its stations; refusals of other agencies' files are left out. */
    record HotFolderView(boolean enabled, String root, List<HotFolder.StationStatus> stations) {
    }

    @GetMapping("/api/v1/scanners")
    @Operation(summary = "Scanning stations' hot folders: files waiting, taken today, the last one, refusals")
    HotFolderView status(@AuthenticationPrincipal SohoaPrincipal principal) {
        if (principal.role() == Role.SUPERVISOR) {
            throw new ForbiddenException("the scanning stations are the desk's", "chỉ bộ phận tiếp nhận xem máy quét");
        }
        Set<String> visible = access.visibleAgencies(principal);
        List<HotFolder.StationStatus> stations = hotFolder.stations().stream()
                .map(station -> new HotFolder.StationStatus(station.station(), null, station.lastRound(),
                        station.waiting(), station.takenToday(), station.day(), station.lastTaken(),
                        station.lastTakenAt(), station.lastDocumentId(), station.problem(),
                        station.rejections().stream().filter(r -> r.agencyCode() == null
                                || visible.contains(r.agencyCode())).toList()))
                .toList();
        return new HotFolderView(hotFolder.enabled(), hotFolder.root().toString(), stations);
    }
}
